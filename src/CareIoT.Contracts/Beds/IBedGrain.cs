namespace CareIoT.Contracts;

/// <summary>The digital twin of one care-facility bed (or home care bed), keyed by bed id.</summary>
public interface IBedGrain : ISiteGrain, IWalkTestSite, IGrainWithStringKey
{
    /// <summary>The latest mattress reading, or null before the first one since activation.</summary>
    Task<BedVitals?> GetVitals();

    Task<BedThresholds> GetThresholds();

    /// <summary>Replaces the settings; the caller has checked <see cref="BedThresholds.Problems"/>.</summary>
    Task SetThresholds(BedThresholds thresholds);

    /// <summary>The resident's baseline (or its warm-up), the limits in force now and the last night learned.</summary>
    Task<BedCareView> GetCare();

    /// <summary>
    /// Learns every night that ended by <paramref name="now"/> and is not learned yet (at most the last 28, none
    /// before the resident took the bed): the night's summary and profile into the night log, slow deterioration
    /// (a notice for the nurse), then the baseline again. Returns the nights learned.
    /// </summary>
    Task<int> LearnNights(DateTimeOffset now);

    /// <summary>A new resident took the bed at <paramref name="since"/>: the baseline starts warming up again.</summary>
    Task AssignResident(DateTimeOffset since);
}
