using CareIoT.Contracts;

namespace CareIoT.Grains;

/// <summary>The persisted live state of a household or bed.</summary>
[GenerateSerializer, Alias("CareIoT.SiteState")]
public sealed class SiteState
{
    /// <summary>Open alerts by <see cref="AlertCauses.KeyOf"/>: one per cause (per device for technical causes).</summary>
    [Id(0)]
    public Dictionary<string, AlertSnapshot> OpenAlerts { get; set; } = [];
}
