using CareIoT.Grains;
using CareIoT.Grains.Rotation;
using CareIoT.Stores;
using CareIoT.Reports;
using Microsoft.Extensions.Options;

namespace CareIoT.Server.Reports;

/// <summary>
/// Gathers a scope's devices and alerts (PostgreSQL), transitions and heartbeats (InfluxDB) and
/// rotation coverage, then lets <see cref="UptimeReportCalculator"/> compute the figures.
/// </summary>
public sealed class UptimeReportBuilder(
    IReportQueries queries,
    IDeviceFactsSource history,
    ICoverageRecords coverage,
    IPlaces places,
    WallSiteLookup wallSites,
    IOptions<SupervisionOptions> supervision,
    TimeProvider time)
{
    public async Task<UptimeReport> BuildAsync(ReportScope scope, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        var devices = await queries.DevicesAsync(scope.Kind, scope.Id, cancellationToken);
        var facts = await history.ReadAsync([.. devices.Select(d => d.DeviceId)], scope.Kind == "district", from, to, cancellationToken);
        var histories = devices.Select(d =>
        {
            var known = facts.GetValueOrDefault(d.DeviceId);
            var heartbeat = supervision.Value.Classes.TryGetValue(d.Kind, out var c) ? c.Heartbeat : TimeSpan.Zero;
            return new DeviceHistory(d.DeviceId, d.Kind, d.Site.Id, d.RegisteredAt, known?.OnlineAtStart ?? true, known?.Transitions ?? [], known?.Heartbeats ?? 0, heartbeat);
        });
        var alerts = (await queries.AlertsAsync(scope.Kind, scope.Id, from, to, cancellationToken))
            .Select(a => new AlertTiming(a.AlertId, a.Cause, a.Priority, a.RaisedAt, a.AcknowledgedAt, a.ClosedAt)).ToList();
        return UptimeReportCalculator.Build(scope, from, to, histories, alerts, await CoverageAsync(scope, devices, from, to, cancellationToken), time.GetUtcNow());
    }

    /// <summary>The rotation coverage of the wall tiles the scope's sites belong to (all tiles for a district).</summary>
    private async Task<IReadOnlyList<CoverageRow>> CoverageAsync(
        ReportScope scope, IReadOnlyList<ReportDevice> devices, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        var keys = new HashSet<string>(StringComparer.Ordinal);
        if (scope.Kind == "district")
        {
            keys.UnionWith((await places.WallSitesAsync(cancellationToken)).Select(s => s.Key));
        }
        else if (scope.Kind == "facility")
        {
            keys.Add(Contracts.Rotation.WallSite.FacilityKey(scope.Id!));
        }
        else
        {
            foreach (var site in devices.Select(d => d.Site).Distinct())
            {
                if (await wallSites.WallSiteOfAsync(site, cancellationToken) is { } key)
                {
                    keys.Add(key);
                }
            }
        }

        var entries = await coverage.EntriesAsync(from, to, cancellationToken);
        return [.. CoverageStatistics.Compute(keys, entries.Where(e => keys.Contains(e.SiteKey)), from, to)
            .Select(s => new CoverageRow(s.SiteKey, s.Count, s.Shown, s.LongestGap))];
    }
}
