using CareIoT.Contracts;

namespace CareIoT.Reports;

/// <summary>One device's figures for the period (observed = installed and inside the period).</summary>
public sealed record DeviceAvailability(
    string DeviceId,
    DeviceKind Kind,
    string SiteId,
    TimeSpan Observed,
    TimeSpan Offline,
    double AvailabilityPercent,
    int Outages,
    int HeartbeatsExpected,
    int HeartbeatsReceived,
    double HeartbeatMissPercent);
