using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace CareIoT.Postgres;

/// <summary>How long the journal's writes take (<c>careiot.journal.write.duration</c>, ms, by operation): the alarm path waits for them.</summary>
internal static class JournalMetrics
{
    public const string MeterName = "CareIoT.Postgres";

    private static readonly Meter Meter = new(MeterName);
    private static readonly Histogram<double> WriteDuration = Meter.CreateHistogram<double>("careiot.journal.write.duration", "ms",
        "Journal writes (raise, transition, escalate)", advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [1, 2, 5, 10, 20, 50, 100, 250, 500, 1000, 5000] });

    public static void Record(string operation, long startedAt) =>
        WriteDuration.Record(Stopwatch.GetElapsedTime(startedAt).TotalMilliseconds, new KeyValuePair<string, object?>("operation", operation));
}
