namespace CareIoT.Contracts;

/// <summary>The digital twin of one solitary elder's home, keyed by household id.</summary>
public interface IHouseholdGrain : ISiteGrain, IGrainWithStringKey
{
    Task<HouseholdThresholds> GetThresholds();

    /// <summary>Replaces the settings; the caller has checked <see cref="HouseholdThresholds.Problems"/>.</summary>
    Task SetThresholds(HouseholdThresholds thresholds);
}
