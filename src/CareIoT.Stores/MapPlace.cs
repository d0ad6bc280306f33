namespace CareIoT.Stores;

/// <summary>A facility or household on the map, with the wall tile it belongs to.</summary>
public sealed record MapPlace(string Kind, string Id, string Name, double Latitude, double Longitude, string WallSiteKey);
