using CareIoT.Contracts;
using CareIoT.Contracts.Rotation;
using CareIoT.Stores;

namespace CareIoT.Server.Wall;

/// <summary>
/// Reads tiles on demand from the registry (who belongs where), the journal (open alerts) and the
/// twins (device health, bed presence). A page is a handful of tiles, read every few seconds.
/// </summary>
public sealed class WallTileReader(IPlaces places, IAlertJournal journal, IGrainFactory grains, TimeProvider time)
{
    private static readonly AlertCause[] VitalsCauses = [AlertCause.VitalsOutOfRange, AlertCause.ApneaPattern];

    public async Task<IReadOnlyList<WallTile>> ReadAsync(IReadOnlyList<string> keys, CancellationToken cancellationToken)
    {
        var names = (await places.WallSitesAsync(cancellationToken)).ToDictionary(s => s.Key, StringComparer.Ordinal);
        var open = await journal.GetOpenAsync(cancellationToken);
        var tiles = new List<WallTile>();
        foreach (var key in keys.Where(names.ContainsKey).Distinct(StringComparer.Ordinal))
        {
            tiles.Add(await ReadAsync(names[key], open, cancellationToken));
        }

        return tiles;
    }

    private async Task<WallTile> ReadAsync(WallSite site, IReadOnlyList<AlertSnapshot> open, CancellationToken cancellationToken)
    {
        var devices = await places.DevicesOfWallSiteAsync(site.Key, cancellationToken);
        var members = devices.Select(d => d.Site).ToHashSet();
        var health = await Task.WhenAll(devices.Select(d => grains.GetGrain<IDeviceGrain>(d.DeviceId).GetHealth()));
        var alerts = open.Where(a => members.Contains(a.Site)).ToList();
        int? inBed = null;
        if (site.Kind == WallSiteKind.Facility)
        {
            var beds = devices.Where(d => d.Kind == DeviceKind.Mattress).Select(d => d.Site.Id).Distinct();
            var vitals = await Task.WhenAll(beds.Select(b => grains.GetGrain<IBedGrain>(b).GetVitals()));
            inBed = vitals.Count(v => v?.Presence == true);
        }

        var lastHeard = health.Where(h => h.LastSeen is not null).Select(h => h.LastSeen!.Value).DefaultIfEmpty().Max();
        return new WallTile(
            site.Key,
            site.Kind,
            site.Name,
            await places.CountOfWallSiteAsync(site.Key, cancellationToken),
            inBed,
            alerts.GroupBy(a => a.Priority).ToDictionary(g => g.Key, g => g.Count()),
            devices.Count,
            health.Count(h => !h.Online),
            lastHeard == default ? null : Math.Round((time.GetUtcNow() - lastHeard).TotalSeconds),
            alerts.Count(a => VitalsCauses.Contains(a.Cause)));
    }
}
