namespace CareIoT.Dc09;

/// <summary>One vendor's codes: Contact ID keyed by <c>EEE</c> or <c>QEEE</c>, SIA by its two letters.</summary>
internal sealed record PanelEventVendorTable(IReadOnlyDictionary<string, PanelEventKind> ContactId, IReadOnlyDictionary<string, PanelEventKind> Sia);
