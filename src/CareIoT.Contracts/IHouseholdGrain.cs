namespace CareIoT.Contracts;

/// <summary>The digital twin of one solitary elder's home, keyed by household id.</summary>
public interface IHouseholdGrain : ISiteGrain, IGrainWithStringKey;
