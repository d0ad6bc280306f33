namespace CareIoT.Stores;

/// <summary>A care-facility bed as the console shows it: facility (and where it is on the map), room and label.</summary>
public sealed record BedDetails(string BedId, string? FacilityId, string? FacilityName, string Room, string Label,
    double? Latitude = null, double? Longitude = null);
