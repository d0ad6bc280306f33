using CareIoT.Contracts;

namespace CareIoT.Grains;

/// <summary>The persisted live state of a household or bed.</summary>
[GenerateSerializer, Alias("CareIoT.SiteState")]
public sealed class SiteState
{
    /// <summary>Open alerts by <see cref="AlertCauses.KeyOf"/>: one per cause (per device for technical causes).</summary>
    [Id(0)]
    public Dictionary<string, AlertSnapshot> OpenAlerts { get; set; } = [];

    /// <summary>A bed's rule settings; null means the defaults.</summary>
    [Id(1)]
    public BedThresholds? BedThresholds { get; set; }

    /// <summary>A household's rule settings; null means the defaults.</summary>
    [Id(2)]
    public HouseholdThresholds? HouseholdThresholds { get; set; }

    /// <summary>The last sign of life, kept at most every few minutes (not per reading).</summary>
    [Id(3)]
    public DateTimeOffset? LastSignOfLife { get; set; }

    /// <summary>The walk test, while one is running or until its expiry is recorded.</summary>
    [Id(4)]
    public WalkTest? WalkTest { get; set; }

    /// <summary>A bed's resident: their baseline and its warm-up, the nights learned, slow deterioration.</summary>
    [Id(5)]
    public BedCare? BedCare { get; set; }
}
