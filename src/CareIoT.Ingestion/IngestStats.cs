using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using CareIoT.Contracts;

namespace CareIoT.Ingestion;

/// <summary>
/// What ingestion did, as metrics (meter <c>CareIoT.Ingestion</c>, every series tagged with its <c>lane</c>) and as a
/// snapshot of totals for the API: received, accepted (by message kind), duplicates, dead-lettered (by reason),
/// retried, skipped; how long a message took from the broker to its acknowledgement (histogram); how many wait in
/// the lane's partitions now (gauge).
/// </summary>
public sealed class IngestStats
{
    public const string MeterName = "CareIoT.Ingestion";

    private readonly Counter<long> _received;
    private readonly Counter<long> _accepted;
    private readonly Counter<long> _duplicates;
    private readonly Counter<long> _rejected;
    private readonly Counter<long> _retries;
    private readonly Counter<long> _skipped;
    private readonly Histogram<double> _processing;
    private readonly ConcurrentDictionary<string, long> _counts = new();
    private readonly ConcurrentDictionary<IngestPipeline, string> _backlogs = new();

    public IngestStats(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(MeterName);
        _received = meter.CreateCounter<long>("careiot.ingest.received", description: "Device messages taken from the broker");
        _accepted = meter.CreateCounter<long>("careiot.ingest.accepted", description: "Device messages the grains accepted, by kind");
        _duplicates = meter.CreateCounter<long>("careiot.ingest.duplicates", description: "Repeats of messages the grains already held");
        _rejected = meter.CreateCounter<long>("careiot.ingest.rejected", description: "Device messages dead-lettered, by reason");
        _retries = meter.CreateCounter<long>("careiot.ingest.retries", description: "Attempts that failed (a store down) and were retried");
        _skipped = meter.CreateCounter<long>("careiot.ingest.skipped", description: "Messages a lane leaves to the other lane or that carry nothing");
        _processing = meter.CreateHistogram<double>("careiot.ingest.processing.duration", unit: "ms",
            description: "From a message's arrival at the platform to its acknowledgement",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [1, 2, 5, 10, 25, 50, 100, 250, 500, 1000, 2500, 5000, 10000, 30000] });
        meter.CreateObservableGauge("careiot.ingest.backlog", ObserveBacklog, description: "Messages waiting in the lane's partitions of this node");
    }

    public void Received(IngestLane lane) => Count(_received, "received", lane);

    public void Accepted(IngestLane lane, DeviceMessageType kind)
    {
        _accepted.Add(1, Lane(lane), new KeyValuePair<string, object?>("kind", kind.ToString()));
        Total("accepted");
    }

    public void Duplicate(IngestLane lane) => Count(_duplicates, "duplicates", lane);

    public void Retried(IngestLane lane) => Count(_retries, "retries", lane);

    public void Skipped(IngestLane lane) => Count(_skipped, "skipped", lane);

    public void Rejected(IngestLane lane, RejectReason reason)
    {
        _rejected.Add(1, Lane(lane), new KeyValuePair<string, object?>("reason", reason.ToString()));
        Total("rejected");
        Total($"rejected.{reason}");
    }

    /// <summary>A message acknowledged (or left for redelivery) <paramref name="took"/> after it arrived.</summary>
    public void Processed(IngestLane lane, TimeSpan took) => _processing.Record(Math.Max(0, took.TotalMilliseconds), Lane(lane));

    /// <summary>Counts what waits in <paramref name="pipeline"/>'s partitions into the backlog gauge while it runs.</summary>
    public void Watch(IngestPipeline pipeline, IngestLane lane) => _backlogs[pipeline] = lane.Name;

    public void Forget(IngestPipeline pipeline) => _backlogs.TryRemove(pipeline, out _);

    public IReadOnlyDictionary<string, long> Snapshot() => new SortedDictionary<string, long>(_counts);

    private IEnumerable<Measurement<long>> ObserveBacklog() =>
        _backlogs.GroupBy(b => b.Value).Select(lane =>
            new Measurement<long>(lane.Sum(b => b.Key.Backlog), new KeyValuePair<string, object?>("lane", lane.Key)));

    private void Count(Counter<long> counter, string name, IngestLane lane)
    {
        counter.Add(1, Lane(lane));
        Total(name);
    }

    private void Total(string name) => _counts.AddOrUpdate(name, 1, (_, n) => n + 1);

    private static KeyValuePair<string, object?> Lane(IngestLane lane) => new("lane", lane.Name);
}
