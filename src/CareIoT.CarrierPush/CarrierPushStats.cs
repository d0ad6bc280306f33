using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace CareIoT.CarrierPush;

/// <summary>What the push receivers did, per platform (<c>onenet.accepted</c>, <c>ctwing.rejected.BadSignature</c>…), as metrics (meter <c>CareIoT.CarrierPush</c>) and as a snapshot for the API.</summary>
public sealed class CarrierPushStats
{
    public const string MeterName = "CareIoT.CarrierPush";

    private readonly Counter<long> _counter;
    private readonly ConcurrentDictionary<string, long> _counts = new();

    public CarrierPushStats(IMeterFactory meterFactory) =>
        _counter = meterFactory.Create(MeterName).CreateCounter<long>("careiot.carrier.events");

    public void Count(CarrierPlatform platform, string what, long by = 1)
    {
        var key = $"{platform.Name()}.{what}";
        _counter.Add(by, new KeyValuePair<string, object?>("what", key));
        _counts.AddOrUpdate(key, by, (_, n) => n + by);
    }

    public void Rejected(CarrierPlatform platform, CarrierRejectReason reason) => Count(platform, $"rejected.{reason}");

    public long Get(string key) => _counts.TryGetValue(key, out var n) ? n : 0;

    public IReadOnlyDictionary<string, long> Snapshot() => new SortedDictionary<string, long>(_counts);
}
