using CareIoT.Contracts;

namespace CareIoT.Reports;

/// <summary>
/// What the report knows of one device for the period: when it was installed, whether it was online
/// when the period began, its stored transitions in the period, and how many heartbeats arrived.
/// </summary>
public sealed record DeviceHistory(
    string DeviceId,
    DeviceKind Kind,
    string SiteId,
    DateTimeOffset InstalledAt,
    bool OnlineAtStart,
    IReadOnlyList<DeviceTransition> Transitions,
    int HeartbeatsReceived,
    TimeSpan HeartbeatInterval);
