using CareIoT.Contracts;
using CareIoT.Contracts.Rotation;
using CareIoT.Grains.Rotation;
using CareIoT.Stores;

namespace CareIoT.Server.Wall;

/// <summary>
/// Keeps the rotation's site list equal to the registry's facilities and communities (every 30 s),
/// and after a start re-announces open critical alerts, so the wall leads with them again. Also
/// keeps the rotation grain active, so its timer runs whether or not a screen is open.
/// </summary>
public sealed class RotationSiteSync(
    IPlaces places, IAlertJournal journal, WallSiteLookup lookup, IGrainFactory grains, ILogger<RotationSiteSync> logger) : BackgroundService
{
    private static readonly TimeSpan Every = TimeSpan.FromSeconds(30);
    private readonly SemaphoreSlim _poked = new(0, 1);

    /// <summary>The registry changed: refresh now rather than at the next period.</summary>
    public void Poke()
    {
        try
        {
            _poked.Release();
        }
        catch (SemaphoreFullException)
        {
            // A refresh is already due.
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var rotation = grains.GetGrain<IRotationGrain>(IRotationGrain.Centre);
        var announced = false;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var sites = await places.WallSitesAsync(stoppingToken);
                await rotation.SetSites([.. sites.Select(s => s.Key)]);
                if (!announced)
                {
                    foreach (var alert in (await journal.GetOpenAsync(stoppingToken))
                        .Where(a => a.Status == AlertStatus.Raised && a.Priority is AlertPriority.Highest or AlertPriority.Critical))
                    {
                        if (await lookup.WallSiteOfAsync(alert.Site, stoppingToken) is { } key)
                        {
                            await rotation.Alarmed(key, alert.AlertId);
                        }
                    }

                    announced = true;
                }
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(ex, "Could not refresh the wall's site list; trying again in {Every}", Every);
            }

            await _poked.WaitAsync(Every, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
        }
    }
}
