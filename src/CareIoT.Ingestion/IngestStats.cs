using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace CareIoT.Ingestion;

/// <summary>Counters of what ingestion did, as metrics (meter <c>CareIoT.Ingestion</c>) and as a snapshot for the API.</summary>
public sealed class IngestStats
{
    public const string MeterName = "CareIoT.Ingestion";

    private readonly Counter<long> _received;
    private readonly Counter<long> _accepted;
    private readonly Counter<long> _duplicates;
    private readonly Counter<long> _rejected;
    private readonly Counter<long> _retries;
    private readonly Counter<long> _skipped;
    private readonly ConcurrentDictionary<string, long> _counts = new();

    public IngestStats(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(MeterName);
        _received = meter.CreateCounter<long>("careiot.ingest.received");
        _accepted = meter.CreateCounter<long>("careiot.ingest.accepted");
        _duplicates = meter.CreateCounter<long>("careiot.ingest.duplicates");
        _rejected = meter.CreateCounter<long>("careiot.ingest.rejected");
        _retries = meter.CreateCounter<long>("careiot.ingest.retries");
        _skipped = meter.CreateCounter<long>("careiot.ingest.skipped");
    }

    public void Received() => Count(_received, "received");

    public void Accepted() => Count(_accepted, "accepted");

    public void Duplicate() => Count(_duplicates, "duplicates");

    public void Retried() => Count(_retries, "retries");

    public void Skipped() => Count(_skipped, "skipped");

    public void Rejected(RejectReason reason)
    {
        _rejected.Add(1, new KeyValuePair<string, object?>("reason", reason.ToString()));
        _counts.AddOrUpdate("rejected", 1, (_, n) => n + 1);
        _counts.AddOrUpdate($"rejected.{reason}", 1, (_, n) => n + 1);
    }

    public IReadOnlyDictionary<string, long> Snapshot() => new SortedDictionary<string, long>(_counts);

    private void Count(Counter<long> counter, string name)
    {
        counter.Add(1);
        _counts.AddOrUpdate(name, 1, (_, n) => n + 1);
    }
}
