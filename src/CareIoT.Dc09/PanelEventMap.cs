namespace CareIoT.Dc09;

/// <summary>
/// Maps Contact ID and SIA events to <see cref="PanelEventKind"/>: a built-in table for the standard
/// codes, plus vendor tables a centre loads from JSON (<c>panel-event-map.json</c> beside the library
/// shows the schema) so that a social-alarm hub's own codes for a fall or inactivity need no code change.
/// A vendor's entry wins over the built-in one. Contact ID is looked up as the vendor's four-digit
/// <c>QEEE</c> (that qualifier only), then its three-digit <c>EEE</c> (any qualifier, a restore turning an
/// alarm into <see cref="PanelEventKind.Restore"/>), then the built-in table. Vendor names ignore case;
/// an unknown vendor gets the built-in table, so check <see cref="HasVendor"/> when loading configuration.
/// Immutable and thread-safe.
/// </summary>
public sealed class PanelEventMap
{
    private readonly Dictionary<string, PanelEventVendorTable> vendors;

    private PanelEventMap(Dictionary<string, PanelEventVendorTable> vendors) => this.vendors = vendors;

    /// <summary>The built-in table alone.</summary>
    public static PanelEventMap Default { get; } = new(new Dictionary<string, PanelEventVendorTable>(StringComparer.OrdinalIgnoreCase));

    public IReadOnlyCollection<string> Vendors => vendors.Keys;

    /// <summary>Reads a map document; throws <see cref="FormatException"/> naming the JSON path of the first problem.</summary>
    public static PanelEventMap Parse(string json) => new(PanelEventMapJson.Read(json));

    public static PanelEventMap Load(string path) => Parse(File.ReadAllText(path));

    public bool HasVendor(string vendor) => vendors.ContainsKey(vendor);

    public PanelEventKind Classify(ContactIdEvent e, string? vendor = null)
    {
        ArgumentNullException.ThrowIfNull(e);
        if (Table(vendor) is { } table)
        {
            if (table.ContactId.TryGetValue(e.QualifiedCode, out var exact))
            {
                return exact;
            }

            if (table.ContactId.TryGetValue(e.QualifiedCode[1..], out var anyQualifier))
            {
                return e.Qualifier == ContactIdEvent.Restore ? PanelEventDefaults.Restored(anyQualifier) : anyQualifier;
            }
        }

        return PanelEventDefaults.ContactId(e);
    }

    public PanelEventKind Classify(SiaEvent e, string? vendor = null)
    {
        ArgumentNullException.ThrowIfNull(e);
        return Table(vendor) is { } table && table.Sia.TryGetValue(e.Code, out var kind) ? kind : PanelEventDefaults.Sia(e);
    }

    /// <summary>
    /// Every event of a frame, mapped: a NULL link test, and a SIA-DCS frame with an empty data block, is one
    /// heartbeat, an answer (ACK, NAK, DUH) has none. Null when the data is not what the token promises;
    /// <see cref="Dc09Responder"/> answers such a frame with DUH, so an acknowledged frame always interprets.
    /// </summary>
    public IReadOnlyList<PanelEvent>? Interpret(Dc09Frame frame, string? vendor = null)
    {
        ArgumentNullException.ThrowIfNull(frame);
        switch (frame.Token)
        {
            case Dc09Token.Null:
                return [new PanelEvent(PanelEventKind.Heartbeat, "NULL", null, null)];
            case Dc09Token.AdmCid when ContactIdEvent.TryParse(frame.Data, out var cid):
                return [new PanelEvent(Classify(cid, vendor), cid.QualifiedCode, cid.Zone, cid.Partition)];
            case Dc09Token.SiaDcs when SiaEvent.TryParseAll(frame.Data, out var sia):
                // An empty SIA data block says no more than a link test: the panel is alive.
                return sia.Count == 0
                    ? [new PanelEvent(PanelEventKind.Heartbeat, "NULL", null, null)]
                    : [.. sia.Select(e => new PanelEvent(Classify(e, vendor), e.Code, e.Number, e.Area, e.Text))];
            case Dc09Token.AdmCid or Dc09Token.SiaDcs:
                return null;
            default:
                return [];
        }
    }

    private PanelEventVendorTable? Table(string? vendor) => vendor is not null && vendors.TryGetValue(vendor, out var table) ? table : null;
}
