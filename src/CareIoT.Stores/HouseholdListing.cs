namespace CareIoT.Stores;

/// <summary>A household as an installer finds it.</summary>
public sealed record HouseholdListing(string HouseholdId, string ElderName, string Address, string Community, int Devices);
