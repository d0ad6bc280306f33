namespace CareIoT.Contracts;

/// <summary>The latest mattress reading of a bed.</summary>
[GenerateSerializer, Immutable, Alias("CareIoT.BedVitals")]
public sealed record BedVitals(DateTimeOffset At, bool Presence, int? HeartRate, int? RespirationRate, int? Movement)
{
    public static BedVitals Empty(DateTimeOffset at) => new(at, false, null, null, null);
}
