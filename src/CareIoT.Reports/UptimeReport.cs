using CareIoT.Contracts;

namespace CareIoT.Reports;

/// <summary>What a report covers: <c>device</c>, <c>household</c>, <c>facility</c> (its beds) or <c>district</c> (everything).</summary>
public sealed record ReportScope(string Kind, string? Id)
{
    public static readonly string[] Kinds = ["device", "household", "facility", "district"];
}

/// <summary>The devices' availability rolled up: device-time observed and offline, outages, MTTR (ended outages), heartbeat misses.</summary>
public sealed record AvailabilityRollup(
    int Devices, TimeSpan Observed, TimeSpan Offline, double AvailabilityPercent, int Outages, int OngoingOutages, TimeSpan? MeanTimeToRepair,
    int HeartbeatsExpected, int HeartbeatsReceived, double HeartbeatMissPercent);

/// <summary>A wall tile's rotation coverage in the period.</summary>
public sealed record CoverageRow(string SiteKey, int Showings, TimeSpan OnScreen, TimeSpan LongestGap);

/// <summary>
/// The inspector's uptime report; every figure is computed from the journal and the stored
/// transitions. Availability is observed from <see cref="From"/> to <see cref="ObservedUntil"/>
/// (the period's end, or the time the report was made if that came first).
/// </summary>
public sealed record UptimeReport(
    ReportScope Scope,
    DateTimeOffset From,
    DateTimeOffset To,
    DateTimeOffset ObservedUntil,
    AvailabilityRollup Availability,
    IReadOnlyList<DeviceAvailability> Devices,
    IReadOnlyList<Outage> Outages,
    IReadOnlyDictionary<AlertCause, int> AlertsByCause,
    AnswerTimes AnswerTimes,
    IReadOnlyList<CoverageRow> Coverage);
