using CareIoT.Contracts;

namespace CareIoT.Server.Extensions;

/// <summary>
/// After a start (a restart, a whole-cluster outage) every open alert's grain is activated at once,
/// so its escalation timer runs again now rather than at its reminder's next tick (up to a minute).
/// Idempotent: several silos starting together do the same harmless work.
/// </summary>
public sealed class OpenAlertRecovery(IAlertJournal journal, IGrainFactory grains, ILogger<OpenAlertRecovery> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            var open = await journal.GetOpenAsync(stoppingToken);
            foreach (var alert in open)
            {
                await grains.GetGrain<IAlertGrain>(alert.AlertId).Track(alert);
            }

            logger.LogInformation("Resumed escalation of {Count} open alerts", open.Count);
        }
        catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
        {
            // The reminders still bring every open alert back within a minute.
            logger.LogWarning(ex, "Could not resume open alerts at start-up; their reminders will");
        }
    }
}
