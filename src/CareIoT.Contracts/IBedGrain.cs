namespace CareIoT.Contracts;

/// <summary>The digital twin of one care-facility bed (or home care bed), keyed by bed id.</summary>
public interface IBedGrain : ISiteGrain, IGrainWithStringKey
{
    /// <summary>The latest mattress reading, or null before the first one since activation.</summary>
    Task<BedVitals?> GetVitals();

    Task<BedThresholds> GetThresholds();

    /// <summary>Replaces the settings; the caller has checked <see cref="BedThresholds.Problems"/>.</summary>
    Task SetThresholds(BedThresholds thresholds);
}
