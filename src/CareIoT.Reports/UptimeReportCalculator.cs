
namespace CareIoT.Reports;

/// <summary>
/// Builds the report from what the stores returned for the scope and period. A period that reaches
/// past <c>asOf</c> (now) is observed only until then: the future is neither online nor offline.
/// </summary>
public static class UptimeReportCalculator
{
    public static UptimeReport Build(
        ReportScope scope, DateTimeOffset from, DateTimeOffset to,
        IEnumerable<DeviceHistory> devices, IReadOnlyList<AlertTiming> alerts, IReadOnlyList<CoverageRow> coverage, DateTimeOffset? asOf = null)
    {
        var until = asOf is { } now && now < to ? (now > from ? now : from) : to;
        var computed = devices.OrderBy(d => d.DeviceId, StringComparer.Ordinal).Select(d => AvailabilityCalculator.Compute(d, from, until)).ToList();
        var outages = computed.SelectMany(c => c.Outages).OrderBy(o => o.Start).ThenBy(o => o.DeviceId, StringComparer.Ordinal).ToList();
        var ended = outages.Where(o => !o.Ongoing).ToList();
        var observed = Sum(computed.Select(c => c.Device.Observed));
        var offline = Sum(computed.Select(c => c.Device.Offline));
        var expected = computed.Sum(c => c.Device.HeartbeatsExpected);
        var received = computed.Sum(c => Math.Min(c.Device.HeartbeatsReceived, c.Device.HeartbeatsExpected));
        var rollup = new AvailabilityRollup(
            computed.Count, observed, offline, AvailabilityCalculator.Percent(observed - offline, observed), outages.Count, outages.Count - ended.Count,
            ended.Count == 0 ? null : Sum(ended.Select(o => o.Duration)) / ended.Count,
            expected, received, expected == 0 ? 0 : (expected - received) * 100.0 / expected);
        var byCause = alerts.GroupBy(a => a.Cause).OrderBy(g => g.Key).ToDictionary(g => g.Key, g => g.Count());
        return new UptimeReport(scope, from, to, until, rollup, [.. computed.Select(c => c.Device)], outages, byCause, AnswerTimes.From(alerts), coverage);
    }

    private static TimeSpan Sum(IEnumerable<TimeSpan> spans) => spans.Aggregate(TimeSpan.Zero, (a, b) => a + b);
}
