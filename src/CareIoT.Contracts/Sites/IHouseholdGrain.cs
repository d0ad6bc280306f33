namespace CareIoT.Contracts;

/// <summary>The digital twin of one solitary elder's home, keyed by household id.</summary>
public interface IHouseholdGrain : ISiteGrain, IWalkTestSite, IGrainWithStringKey
{
    Task<HouseholdThresholds> GetThresholds();

    /// <summary>Replaces the settings; the caller has checked <see cref="HouseholdThresholds.Problems"/>.</summary>
    Task SetThresholds(HouseholdThresholds thresholds);

    /// <summary>
    /// The last thing a person did at home (a press, a smoke-alarm test, a bed exit or return, movement in
    /// bed); before any, when watching the home began. A heartbeat is no sign of life.
    /// </summary>
    Task<DateTimeOffset> GetLastSignOfLife();
}
