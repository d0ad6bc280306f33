namespace CareIoT.Contracts;

/// <summary>
/// What the bed page and the alert detail say of a resident's own normal: the baseline (null while warming up,
/// with <see cref="Nights"/> of <see cref="NightsNeeded"/> so far), the limits in force now, the last night.
/// </summary>
[GenerateSerializer, Immutable, Alias("CareIoT.BedCareView")]
public sealed record BedCareView(DateTimeOffset? OccupiedSince, ResidentBaseline? Baseline, int Nights, int NightsNeeded,
    VitalLimits LimitsNow, NightSummary? LastNight, bool InDeteriorationEpisode);
