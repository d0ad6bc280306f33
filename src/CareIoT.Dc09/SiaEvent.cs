using System.Diagnostics.CodeAnalysis;

namespace CareIoT.Dc09;

/// <summary>
/// One SIA event from a SIA-DCS data block: the two-letter <see cref="Code"/> (FA fire alarm, MA medical
/// alarm, RP automatic test, …), the zone, user or other parameter <see cref="Number"/> written after it, if
/// any, and the modifiers in force at that point: <see cref="Area"/> (<c>ri</c>), <see cref="User"/>
/// (<c>id</c>), <see cref="Peripheral"/> (<c>pi</c>), <see cref="Time"/> (<c>ti</c>) and <see cref="Date"/>
/// (<c>da</c>) as the panel wrote them, and the ASCII <see cref="Text"/> block (<c>^…^</c>) that came with
/// the event, exactly as sent (panels pad it with spaces).
/// </summary>
public sealed record SiaEvent(
    string Code,
    int? Number,
    int? Area,
    int? User = null,
    int? Peripheral = null,
    TimeOnly? Time = null,
    DateOnly? Date = null,
    string? Text = null)
{
    /// <summary>
    /// Reads the data of a SIA-DCS frame, with or without its leading <c>#acct|</c>, as SIA DC-03/DC-07
    /// blocks in DC-09 carry it (<see cref="SiaDataReader"/> has the grammar): an empty data block is read
    /// as no events; otherwise <c>N</c> then at least one event, e.g. <c>Nri1/FA23</c>,
    /// <c>Nri1CL0^VX FRONTE       ^</c>, <c>Nid3/ti10:30/MA5/RP</c>. False only for data outside that shape;
    /// nothing is half read.
    /// </summary>
    public static bool TryParseAll(string data, [NotNullWhen(true)] out IReadOnlyList<SiaEvent>? events) => SiaDataReader.TryRead(data, out events);
}
