using CareIoT.Contracts;
using CareIoT.Contracts.Rotation;

namespace CareIoT.Grains;

/// <summary>
/// Where a changed alert goes, from the grain that changed it: the consoles first (<see cref="IAlertNotifier"/>, the one
/// way out of the cluster, to SignalR), then — for a Highest or Critical alert — the wall's rotation, grain to grain
/// and one-way, so the alarm path never waits for the wall.
/// </summary>
internal static class AlertFanOut
{
    public static async Task ChangedAsync(IGrainFactory grains, IAlertNotifier consoles, AlertSnapshot alert)
    {
        await consoles.AlertChangedAsync(alert, CancellationToken.None);
        if (alert.Priority is AlertPriority.Highest or AlertPriority.Critical)
        {
            await grains.GetGrain<IRotationGrain>(IRotationGrain.Centre).AlertChanged(alert);
        }
    }
}
