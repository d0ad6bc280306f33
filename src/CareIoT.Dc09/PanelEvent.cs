using System.Globalization;

namespace CareIoT.Dc09;

/// <summary>
/// One event of a frame, mapped: its <see cref="Kind"/>; the <see cref="Code"/> it came as (four Contact ID
/// digits <c>QEEE</c>, two SIA letters, or <c>NULL</c> for a link test); the zone or user; the partition
/// (Contact ID) or area (SIA <c>ri</c>), when the frame gave one; the SIA ASCII text that came with the
/// event, if any, as sent.
/// </summary>
public sealed record PanelEvent(PanelEventKind Kind, string Code, int? Zone, int? Partition, string? Text = null)
{
    /// <summary>Code, zone and text in one short line, e.g. <c>UT 0: $PR,SCOMPARSA</c>: what a technician reads.</summary>
    public string Describe()
    {
        var zone = Zone is { } number ? string.Create(CultureInfo.InvariantCulture, $" {number}") : "";
        var text = Text?.Trim() is { Length: > 0 } trimmed ? $": {trimmed}" : "";
        return $"{Code}{zone}{text}";
    }
}
