using CareIoT.Contracts;
using CareIoT.Contracts.Rotation;
using CareIoT.Server.Dispatch;

namespace CareIoT.Server.Wall;

/// <summary>
/// Tells the consoles first, then the wall: a critical alert pulls its facility or community to the
/// front of the rotation until someone acknowledges it. The wall part runs after the consoles' push
/// and never holds up the alarm path; if it fails it is logged, and the console has the alert anyway.
/// </summary>
public sealed class WallAlarmForwarder(
    ClusterAlertNotifier consoles, WallSiteLookup lookup, IGrainFactory grains, ILogger<WallAlarmForwarder> logger) : IAlertNotifier
{
    public async Task AlertChangedAsync(AlertSnapshot alert, CancellationToken cancellationToken)
    {
        await consoles.AlertChangedAsync(alert, cancellationToken);
        if (alert.Priority is AlertPriority.Highest or AlertPriority.Critical)
        {
            _ = ForwardAsync(alert);
        }
    }

    public Task AlertEscalatedAsync(AlertSnapshot alert, CancellationToken cancellationToken) =>
        consoles.AlertEscalatedAsync(alert, cancellationToken);

    private async Task ForwardAsync(AlertSnapshot alert)
    {
        try
        {
            if (await lookup.WallSiteOfAsync(alert.Site, CancellationToken.None) is not { } key)
            {
                return;
            }

            var rotation = grains.GetGrain<IRotationGrain>(IRotationGrain.Centre);
            await (alert.Status == AlertStatus.Raised ? rotation.Alarmed(key, alert.AlertId) : rotation.Acknowledged(key, alert.AlertId));
        }
        catch (Exception ex)
        {
            logger.LogWarning(ex, "Could not bring alert {AlertId} at {Site} to the wall", alert.AlertId, alert.Site);
        }
    }
}
