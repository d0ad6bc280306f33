namespace CareIoT.Reports;

/// <summary>
/// Availability from stored transitions, exactly: the device's state is known at the start of the
/// period and changes only at transitions, so offline time is the sum of offline stretches clipped
/// to [max(from, installed), to). Repeated transitions to the same state change nothing.
/// </summary>
public static class AvailabilityCalculator
{
    public static (DeviceAvailability Device, IReadOnlyList<Outage> Outages) Compute(DeviceHistory device, DateTimeOffset from, DateTimeOffset to)
    {
        var start = device.InstalledAt > from ? device.InstalledAt : from;
        if (start >= to)
        {
            return (new DeviceAvailability(device.DeviceId, device.Kind, device.SiteId, TimeSpan.Zero, TimeSpan.Zero, 100, 0, 0, 0, 0), []);
        }

        var outages = new List<Outage>();
        var online = device.OnlineAtStart;
        DateTimeOffset? down = online ? null : start;
        string cause = "offline at period start";
        foreach (var t in device.Transitions.Where(t => t.At >= start && t.At < to).OrderBy(t => t.At))
        {
            if (t.Online == online)
            {
                continue;
            }

            if (!t.Online)
            {
                down = t.At;
                cause = t.Cause;
            }
            else
            {
                outages.Add(new Outage(device.DeviceId, down!.Value, t.At, t.At - down.Value, cause));
                down = null;
            }

            online = t.Online;
        }

        if (down is { } open)
        {
            outages.Add(new Outage(device.DeviceId, open, null, to - open, cause));
        }

        var observed = to - start;
        var offline = outages.Aggregate(TimeSpan.Zero, (sum, o) => sum + o.Duration);
        var onlineTime = observed - offline;
        var expected = device.HeartbeatInterval > TimeSpan.Zero ? (int)Math.Floor(onlineTime / device.HeartbeatInterval) : 0;
        var missed = expected == 0 ? 0 : Math.Max(0, expected - device.HeartbeatsReceived) * 100.0 / expected;
        return (new DeviceAvailability(device.DeviceId, device.Kind, device.SiteId, observed, offline,
            Percent(observed - offline, observed), outages.Count, expected, device.HeartbeatsReceived, missed), outages);
    }

    public static double Percent(TimeSpan part, TimeSpan whole) => whole <= TimeSpan.Zero ? 100 : part / whole * 100;
}
