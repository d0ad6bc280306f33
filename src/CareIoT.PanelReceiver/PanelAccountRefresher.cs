using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CareIoT.PanelReceiver;

/// <summary>Reads the bound accounts at start and then every <see cref="PanelReceiverOptions.AccountRefresh"/>; a registry that is down is retried.</summary>
public sealed class PanelAccountRefresher(
    PanelAccountDirectory directory, IOptions<PanelReceiverOptions> options, TimeProvider time, ILogger<PanelAccountRefresher> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var period = options.Value.AccountRefresh > TimeSpan.Zero ? options.Value.AccountRefresh : TimeSpan.FromSeconds(30);
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(Math.Min(5, period.TotalSeconds)), time);
        do
        {
            try
            {
                if (await directory.RefreshIfDueAsync(stoppingToken))
                {
                    logger.LogDebug("DC-09 accounts read: {Count}", directory.Count);
                }
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning("Could not read the DC-09 accounts ({Error}); the receiver keeps the last ones it read", ex.Message);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }
}
