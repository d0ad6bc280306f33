namespace CareIoT.Dc09;

/// <summary>
/// One event of a frame, mapped: its <see cref="Kind"/>; the <see cref="Code"/> it came as (four Contact ID
/// digits <c>QEEE</c>, two SIA letters, or <c>NULL</c> for a link test); the zone or user; the partition
/// (Contact ID) or area (SIA <c>ri</c>), when the frame gave one.
/// </summary>
public sealed record PanelEvent(PanelEventKind Kind, string Code, int? Zone, int? Partition);
