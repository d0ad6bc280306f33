using System.Collections.Concurrent;
using System.Threading.Channels;
using Microsoft.Extensions.Options;

namespace CareIoT.CarrierPush;

/// <summary>A record accepted from a push, with when and from where it came.</summary>
public sealed record QueuedReport(CarrierReport Report, DateTimeOffset ReceivedAt, string Origin);

/// <summary>A push kept in the inbox (<paramref name="InboxId"/>) with its records, waiting to be processed.</summary>
public sealed record QueuedPush(long InboxId, IReadOnlyList<QueuedReport> Reports);

/// <summary>
/// The pushes answered but not yet processed, in memory beside their inbox rows: bounded by records, so a
/// flood cannot grow memory; when it is full the push is answered 503 and the platform pushes it again
/// (both retry failed pushes). Knows which inbox rows are in hand, so the sweep does not queue them twice.
/// </summary>
public sealed class CarrierPushQueue(IOptions<CarrierPushOptions> options)
{
    private readonly Channel<QueuedPush> _channel = Channel.CreateUnbounded<QueuedPush>(new UnboundedChannelOptions { SingleReader = true });
    private readonly ConcurrentDictionary<long, byte> _inHand = new();
    private int _records;

    public ChannelReader<QueuedPush> Reader => _channel.Reader;

    /// <summary>Records queued and not yet finished.</summary>
    public int Records => Volatile.Read(ref _records);

    /// <summary>True when <paramref name="records"/> more fit.</summary>
    public bool HasRoomFor(int records) => Records + records <= Math.Max(1, options.Value.QueueCapacity);

    /// <summary>Queues a push unless its inbox row is in hand already (queued by the intake or the sweep).</summary>
    public bool TryEnqueue(QueuedPush push)
    {
        if (!_inHand.TryAdd(push.InboxId, 0))
        {
            return false;
        }

        Interlocked.Add(ref _records, push.Reports.Count);
        _channel.Writer.TryWrite(push);
        return true;
    }

    public bool IsInHand(long inboxId) => _inHand.ContainsKey(inboxId);

    /// <summary>The push is processed and its inbox row removed (or left for the sweep).</summary>
    public void Finished(QueuedPush push)
    {
        Interlocked.Add(ref _records, -push.Reports.Count);
        _inHand.TryRemove(push.InboxId, out _);
    }
}
