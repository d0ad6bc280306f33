namespace CareIoT.Stores;

/// <summary>A care facility as the registry holds it.</summary>
public sealed record FacilityDetails(string FacilityId, string Name, string Address, double? Latitude, double? Longitude);
