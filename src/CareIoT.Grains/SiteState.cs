using CareIoT.Contracts;

namespace CareIoT.Grains;

/// <summary>The persisted live state of a household or bed.</summary>
[GenerateSerializer, Alias("CareIoT.SiteState")]
public sealed class SiteState
{
    /// <summary>At most one open alert per cause; repeats update it.</summary>
    [Id(0)]
    public Dictionary<AlertCause, AlertSnapshot> OpenAlerts { get; set; } = [];
}
