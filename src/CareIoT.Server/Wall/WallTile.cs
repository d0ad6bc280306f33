using CareIoT.Contracts;
using CareIoT.Contracts.Rotation;

namespace CareIoT.Server.Wall;

/// <summary>
/// One tile's live status: how many homes or beds, beds with someone in them, open alerts by
/// priority, devices offline, how long since the most recently heard device, open vitals alerts.
/// </summary>
public sealed record WallTile(
    string Key,
    WallSiteKind Kind,
    string Name,
    int Sites,
    int? InBed,
    IReadOnlyDictionary<AlertPriority, int> OpenAlerts,
    int Devices,
    int DevicesOffline,
    double? LastHeardSecondsAgo,
    int VitalsOutOfRange);
