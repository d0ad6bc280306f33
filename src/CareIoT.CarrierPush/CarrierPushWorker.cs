using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CareIoT.CarrierPush;

/// <summary>
/// Works through the accepted records in order. A record whose processing throws (a store down) is tried
/// again with back-off up to a second, never dropped; meanwhile the queue fills and pushes get 503, which
/// the platforms retry.
/// </summary>
public sealed class CarrierPushWorker(
    CarrierPushQueue queue, CarrierReportProcessor processor, CarrierPushStats stats, TimeProvider time, ILogger<CarrierPushWorker> logger)
    : BackgroundService
{
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var queued in queue.Reader.ReadAllAsync(stoppingToken))
            {
                var backoff = TimeSpan.FromMilliseconds(100);
                for (var attempt = 1; ; attempt++)
                {
                    try
                    {
                        await processor.ProcessAsync(queued, stoppingToken);
                        break;
                    }
                    catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
                    {
                        stats.Count(queued.Report.Platform, "retries");
                        logger.LogError(ex, "Processing {Platform} record {MessageId} failed (attempt {Attempt}); retrying in {Backoff}",
                            queued.Report.Platform, queued.Report.MessageId, attempt, backoff);
                        await Task.Delay(backoff, time, stoppingToken);
                        backoff = TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, MaxBackoff.Ticks));
                    }
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down: records still queued were answered 200 and are lost with the process (see README).
        }
    }
}
