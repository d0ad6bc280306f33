namespace CareIoT.Server.Api;

/// <summary>Checks a place's coordinates: both or neither, WGS-84 degrees in range.</summary>
public static class Coordinates
{
    public static bool AreValid(double? latitude, double? longitude) =>
        (latitude is null && longitude is null)
        || (latitude is >= -90 and <= 90 && longitude is >= -180 and <= 180 && double.IsFinite(latitude.Value) && double.IsFinite(longitude.Value));
}
