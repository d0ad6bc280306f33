using System.Threading.Channels;
using Microsoft.Extensions.Options;

namespace CareIoT.CarrierPush;

/// <summary>A record accepted from a push, with when and from where it came.</summary>
public sealed record QueuedReport(CarrierReport Report, DateTimeOffset ReceivedAt, string Origin);

/// <summary>
/// The records answered but not yet processed: bounded, so a flood cannot grow memory; when it is full
/// the push is answered 503 and the platform pushes it again (both retry failed pushes).
/// </summary>
public sealed class CarrierPushQueue(IOptions<CarrierPushOptions> options)
{
    private readonly Channel<QueuedReport> _channel = Channel.CreateBounded<QueuedReport>(
        new BoundedChannelOptions(Math.Max(1, options.Value.QueueCapacity)) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });

    public ChannelReader<QueuedReport> Reader => _channel.Reader;

    /// <summary>Queues every record of a push, or none: false when there is not room for all of them.</summary>
    public bool TryEnqueueAll(IReadOnlyList<QueuedReport> reports)
    {
        lock (_channel)
        {
            if (_channel.Reader.CanCount && _channel.Reader.Count + reports.Count > Math.Max(1, options.Value.QueueCapacity))
            {
                return false;
            }

            foreach (var report in reports)
            {
                if (!_channel.Writer.TryWrite(report))
                {
                    return false;
                }
            }

            return true;
        }
    }
}
