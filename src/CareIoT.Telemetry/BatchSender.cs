using System.Threading.Channels;
using Microsoft.Extensions.Logging;

namespace CareIoT.Telemetry;

/// <summary>
/// Sends batches one at a time, in order. A batch that still fails after its retries goes to the
/// spool, and while the spool holds anything every new batch goes there too, behind it: the spool
/// is back-filled oldest first, on a back-off schedule or at a flush, so no point overtakes an
/// older one. A 400 dead-letters the lines and is never retried.
/// </summary>
internal sealed partial class BatchSender(
    InfluxWriteTransport transport,
    LineSpool spool,
    DeadLetterFile deadLetters,
    WriterStats stats,
    InfluxOptions options,
    TimeProvider time,
    ILogger logger) : IDisposable
{
    private readonly Channel<Item> _items = Channel.CreateBounded<Item>(new BoundedChannelOptions(4) { SingleReader = true, SingleWriter = true });
    private readonly CancellationTokenSource _stopping = new();
    private int _probeFailures;
    private DateTimeOffset _probeAt = time.GetUtcNow();

    private enum Next
    {
        Item,
        Probe,
        Completed,
    }

    /// <summary>A batch to send, and/or a flush to complete once it (and all before it) is written or spooled.</summary>
    internal readonly record struct Item(WriteBatch? Batch, TaskCompletionSource? Flushed);

    public ChannelWriter<Item> Input => _items.Writer;

    /// <summary>From now on a failed batch is spooled at once: no retries, no back-off waits.</summary>
    public void BeginStopping() => _stopping.Cancel();

    public async Task RunAsync()
    {
        var reader = _items.Reader;
        for (var next = await NextAsync(reader); next != Next.Completed; next = await NextAsync(reader))
        {
            var item = next == Next.Item && reader.TryRead(out var read) ? read : default;
            try
            {
                if (item.Batch is { } batch)
                {
                    await SendOrSpoolAsync(batch);
                }

                if (next == Next.Probe || item.Flushed is not null)
                {
                    await BackfillAsync();
                }
            }
            catch (Exception ex)
            {
                // A bug must not stop the pipeline: everything behind this item would be lost.
                logger.LogError(ex, "Unexpected failure while sending to InfluxDB at {Url}", transport.Uri);
            }
            finally
            {
                item.Flushed?.TrySetResult();
            }
        }
    }

    public void Dispose() => _stopping.Dispose();

    private async Task<Next> NextAsync(ChannelReader<Item> reader)
    {
        if (spool.IsEmpty || _stopping.IsCancellationRequested)
        {
            return await reader.WaitToReadAsync() ? Next.Item : Next.Completed;
        }

        // The probe time is fixed when a failure schedules it, so a steady stream of batches cannot postpone it.
        var wait = _probeAt - time.GetUtcNow();
        if (wait <= TimeSpan.Zero)
        {
            return Next.Probe;
        }

        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(_stopping.Token);
        var due = Task.Delay(wait, time, cancel.Token);
        var ready = reader.WaitToReadAsync(cancel.Token).AsTask();
        await Task.WhenAny(due, ready);
        await cancel.CancelAsync();
        if (ready.IsCompletedSuccessfully)
        {
            return ready.Result ? Next.Item : Next.Completed;
        }

        if (due.IsCompletedSuccessfully)
        {
            return Next.Probe;
        }

        // Stopping: no more probes, only what is queued.
        return await reader.WaitToReadAsync() ? Next.Item : Next.Completed;
    }
}
