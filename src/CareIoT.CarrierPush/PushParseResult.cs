namespace CareIoT.CarrierPush;

/// <summary>
/// The records of one push, or why it is malformed (the text goes into the dead letter and the 400's body).
/// <paramref name="Ignored"/> counts records of kinds we do not act on (command results and the like).
/// </summary>
public sealed record PushParseResult(IReadOnlyList<CarrierReport> Reports, string? Problem, int Ignored = 0)
{
    public static PushParseResult Malformed(string problem) => new([], problem);
}
