using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CareIoT.CarrierPush;

/// <summary>
/// Works through the accepted pushes in order and removes each from the inbox once all its records are
/// processed. A record whose processing throws (a store down) is tried again with back-off up to a second,
/// never dropped; meanwhile the queue fills and pushes get 503, which the platforms retry. Beside it the
/// sweep queues inbox rows nobody has in hand: at start every row (what a crash left), later rows older
/// than <see cref="CarrierPushOptions.InboxStaleAfter"/> (what a dead peer silo left). Processing a push
/// twice is harmless: the device grain knows the record ids.
/// </summary>
public sealed class CarrierPushWorker(
    CarrierPushQueue queue, ICarrierInbox inbox, CarrierReportProcessor processor, CarrierPushStats stats, IOptions<CarrierPushOptions> options,
    TimeProvider time, ILogger<CarrierPushWorker> logger)
    : BackgroundService
{
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(1);

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(ProcessAsync(stoppingToken), SweepAsync(stoppingToken));

    private async Task ProcessAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var push in queue.Reader.ReadAllAsync(stoppingToken))
            {
                foreach (var queued in push.Reports)
                {
                    await RetryAsync(() => processor.ProcessAsync(queued, stoppingToken), queued.Report.Platform, queued.Report.MessageId, stoppingToken);
                }

                await RetryAsync(() => inbox.RemoveAsync(push.InboxId, stoppingToken), push.Reports[0].Report.Platform, $"inbox row {push.InboxId}", stoppingToken);
                queue.Finished(push);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down: pushes still queued stay in the inbox and are processed at the next start.
        }
    }

    private async Task RetryAsync(Func<Task> work, CarrierPlatform platform, string what, CancellationToken stoppingToken)
    {
        var backoff = TimeSpan.FromMilliseconds(100);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await work();
                return;
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                stats.Count(platform, "retries");
                logger.LogError(ex, "Processing {Platform} {What} failed (attempt {Attempt}); retrying in {Backoff}", platform, what, attempt, backoff);
                await Task.Delay(backoff, time, stoppingToken);
                backoff = TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, MaxBackoff.Ticks));
            }
        }
    }

    private async Task SweepAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        var first = true;
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                try
                {
                    var before = first ? time.GetUtcNow() : time.GetUtcNow() - settings.InboxStaleAfter;
                    await SweepOnceAsync(before, stoppingToken);
                    first = false;
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    logger.LogError(ex, "Reading the carrier push inbox failed; trying again in {Interval}", settings.InboxSweepInterval);
                }

                await Task.Delay(settings.InboxSweepInterval, time, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    /// <summary>Queues the inbox rows received before <paramref name="before"/> that nobody here has in hand.</summary>
    internal async Task SweepOnceAsync(DateTimeOffset before, CancellationToken cancellationToken)
    {
        foreach (var entry in await inbox.ReceivedBeforeAsync(before, Math.Max(1, options.Value.QueueCapacity), cancellationToken))
        {
            if (queue.IsInHand(entry.Id))
            {
                continue;
            }

            var parsed = CarrierPushParsers.Parse(entry.Platform, entry.Body);
            if (parsed.Reports.Count == 0)
            {
                await inbox.RemoveAsync(entry.Id, cancellationToken);
                continue;
            }

            if (queue.TryEnqueue(new QueuedPush(entry.Id, [.. parsed.Reports.Select(r => new QueuedReport(r, entry.ReceivedAt, entry.Origin))])))
            {
                stats.Count(entry.Platform, "recovered", parsed.Reports.Count);
                logger.LogWarning("Recovered a {Platform} push kept in the inbox since {ReceivedAt} ({Records} records)",
                    entry.Platform, entry.ReceivedAt, parsed.Reports.Count);
            }
        }
    }
}
