using CareIoT.Contracts;

namespace CareIoT.Reports.Tests;

/// <summary>
/// November 2026 (720 h) with known outages, built so every figure can be worked out by hand:
/// cb-A never offline; cb-B offline 4 h (silent) and 2 h (connection lost, with a repeated
/// offline report inside it); mt-C installed on the 16th (360 h) and offline for the last 2 h.
/// </summary>
internal static class ConstructedMonth
{
    public static readonly DateTimeOffset From = new(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);
    public static readonly DateTimeOffset To = new(2026, 12, 1, 0, 0, 0, TimeSpan.Zero);

    public static DeviceHistory[] Devices =>
    [
        new("cb-A", DeviceKind.CallButton, "hh-1", At(-30, 0), true, [], 2880, TimeSpan.FromMinutes(15)),
        new("cb-B", DeviceKind.CallButton, "hh-2", At(-30, 0), true,
        [
            new(At(3, 10), false, "Silent"), new(At(3, 14), true, "Heartbeat"),
            new(At(20, 23), false, "Offline"), new(At(20, 23.5), false, "Silent"), new(At(21, 1), true, "Heartbeat"),
        ], 2800, TimeSpan.FromMinutes(15)),
        new("mt-C", DeviceKind.Mattress, "bed-1", At(16, 0), true, [new(At(30, 22), false, "Offline")], 21480, TimeSpan.FromSeconds(60)),
    ];

    /// <summary>40 alerts: 38 acknowledged after 30 s and closed after 600 s, one acknowledged after 200 s and closed after 1200 s, one never taken.</summary>
    public static AlertTiming[] Alerts =>
    [
        .. Enumerable.Range(0, 38).Select(i => Alert(i, i < 34 ? AlertCause.PersonalEmergency : AlertCause.Fire, 30, 600)),
        Alert(38, AlertCause.PersonalEmergency, 200, 1200),
        Alert(39, AlertCause.PersonalEmergency, null, null),
    ];

    /// <summary>Day of November (1-based; negative for before it) and hour.</summary>
    public static DateTimeOffset At(int day, double hour) => From.AddDays(day - 1).AddHours(hour);

    private static AlertTiming Alert(int n, AlertCause cause, int? ackSeconds, int? closeSeconds)
    {
        var raised = From.AddHours(n * 10);
        return new AlertTiming(Guid.NewGuid(), cause, AlertPriority.Critical, raised,
            ackSeconds is { } a ? raised.AddSeconds(a) : null, closeSeconds is { } c ? raised.AddSeconds(c) : null);
    }
}
