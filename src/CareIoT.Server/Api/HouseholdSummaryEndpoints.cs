using CareIoT.Contracts;
using CareIoT.Stores;

namespace CareIoT.Server.Api;

/// <summary>How many alerts of one cause a day held.</summary>
public sealed record CauseCount(AlertCause Cause, int Count);

/// <summary>
/// A home's last 24 hours as a relative reads it: the last sign of life, the alerts by cause (and how many
/// are still open), and whether its devices are all online with good batteries.
/// </summary>
public sealed record HouseholdDaySummary(
    DateTimeOffset From, DateTimeOffset To, DateTimeOffset LastSignOfLife,
    IReadOnlyList<CauseCount> Alerts, int StillOpen, int Devices, int DevicesOnline, int BatteriesLow);

/// <summary>The daily summary of a household, for everyone who may see the household (its relative too).</summary>
public static class HouseholdSummaryEndpoints
{
    public static void MapHouseholdSummaryEndpoints(this IEndpointRouteBuilder app) =>
        app.MapGet("/api/sites/households/{householdId}/summary", async (string householdId, IGrainFactory grains,
            IRegistry registry, IAlertQueries queries, TimeProvider time, CancellationToken ct) =>
        {
            if (await registry.GetHouseholdAsync(householdId, ct) is null)
            {
                return Results.NotFound();
            }

            var site = new SiteRef(SiteKind.Household, householdId);
            var to = time.GetUtcNow();
            var from = to.AddDays(-1);
            var alerts = await queries.ForSiteAsync(site, from, to, ct);
            var devices = await registry.DevicesOfAsync(site, ct);
            var health = await Task.WhenAll(devices.Select(d => grains.GetGrain<IDeviceGrain>(d.DeviceId).GetHealth()));
            var lastSign = await grains.GetGrain<IHouseholdGrain>(householdId).GetLastSignOfLife();
            return Results.Ok(new HouseholdDaySummary(from, to, lastSign,
                [.. alerts.GroupBy(a => a.Cause).Select(g => new CauseCount(g.Key, g.Count())).OrderByDescending(c => c.Count)],
                alerts.Count(a => a.Status is AlertStatus.Raised or AlertStatus.Acknowledged or AlertStatus.Dispatched),
                devices.Count, health.Count(h => h.Online), health.Count(h => h.BatteryLow)));
        }).RequireAuthorization(Auth.Policies.SeeHousehold);
}
