using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace CareIoT.PanelReceiver;

/// <summary>What the DC-09 receiver did, as metrics (meter <c>CareIoT.PanelReceiver</c>) and as a snapshot for the API.</summary>
public sealed class PanelReceiverStats
{
    public const string MeterName = "CareIoT.PanelReceiver";

    private readonly Counter<long> _counter;
    private readonly ConcurrentDictionary<string, long> _counts = new();

    public PanelReceiverStats(IMeterFactory meterFactory) =>
        _counter = meterFactory.Create(MeterName).CreateCounter<long>("careiot.dc09.events");

    /// <summary>Counts one occurrence of <paramref name="what"/> (e.g. <c>frames</c>, <c>rejected.BadCrc</c>, <c>replies.Ack</c>).</summary>
    public void Count(string what, long by = 1)
    {
        _counter.Add(by, new KeyValuePair<string, object?>("what", what));
        _counts.AddOrUpdate(what, by, (_, n) => n + by);
    }

    public long Get(string what) => _counts.TryGetValue(what, out var n) ? n : 0;

    public IReadOnlyDictionary<string, long> Snapshot() => new SortedDictionary<string, long>(_counts);
}
