using System.Security.Claims;
using CareIoT.Contracts;
using CareIoT.Contracts.Rotation;
using CareIoT.Grains.Rotation;
using CareIoT.Reports;
using CareIoT.Stores;
using CareIoT.Server.Wall;

using CareIoT.Server.Privacy;

namespace CareIoT.Server.Api;

public static class WallEndpoints
{
    /// <summary>The wall's tiles and map, the rotation's settings, and its coverage for inspectors.</summary>
    public static void MapWallEndpoints(this IEndpointRouteBuilder app)
    {
        var wall = app.MapGroup("/api/wall").RequireAuthorization(Auth.Policies.Watch);
        wall.MapGet("/sites", (IPlaces places, CancellationToken ct) => places.WallSitesAsync(ct));
        wall.MapGet("/view", (IGrainFactory grains) => Rotation(grains).GetView());
        wall.MapGet("/tiles", (string? keys, WallTileReader reader, CancellationToken ct) =>
            reader.ReadAsync([.. (keys ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Take(64)], ct));
        wall.MapGet("/map", MapAsync);

        var rotation = app.MapGroup("/api/rotation").RequireAuthorization(Auth.Policies.Watch);
        rotation.MapGet("/settings", (IGrainFactory grains) => Rotation(grains).GetSettings());
        rotation.MapPut("/settings", async (RotationSettingsRequest body, IGrainFactory grains) =>
        {
            // Bounds before arithmetic (TimeSpan.FromSeconds(1e308) throws); the order names wall sites, a few thousand at most.
            if (!double.IsFinite(body.DwellSeconds) || Math.Abs(body.DwellSeconds) > 86_400 || !double.IsFinite(body.MaxGapMinutes)
                || Math.Abs(body.MaxGapMinutes) > 10_080 || body.Order?.Count > 5_000 || body.Order?.Any(key => key is null || key.Length > 128) == true)
            {
                return Results.ValidationProblem(new Dictionary<string, string[]>
                {
                    ["settings"] = ["dwellSeconds at most a day, maxGapMinutes at most a week, order at most 5000 site keys of at most 128 characters"],
                });
            }

            var settings = new RotationSettings(TimeSpan.FromSeconds(body.DwellSeconds), body.SitesPerPage, TimeSpan.FromMinutes(body.MaxGapMinutes), body.Order);
            if (settings.Problems() is { Count: > 0 } problems)
            {
                return Results.ValidationProblem(new Dictionary<string, string[]> { ["settings"] = [.. problems] });
            }

            await Rotation(grains).Configure(settings);
            return Results.NoContent();
        }).RequireAuthorization(Auth.Policies.Dispatch);
        rotation.MapGet("/coverage", async (DateTimeOffset? from, DateTimeOffset? to, ICoverageRecords log, IPlaces places, TimeProvider time, CancellationToken ct) =>
        {
            var (start, end) = Period(from, to, time);
            var entries = await log.EntriesAsync(start, end, ct);
            var sites = (await places.WallSitesAsync(ct)).Select(s => s.Key).Concat(entries.Select(e => e.SiteKey));
            return new CoverageReport(start, end, CoverageStatistics.Compute(sites, entries, start, end));
        });
        rotation.MapGet("/notices", async (DateTimeOffset? from, DateTimeOffset? to, ICoverageRecords log, TimeProvider time, CancellationToken ct) =>
        {
            var (start, end) = Period(from, to, time);
            return await log.NoticesAsync(start, end, ct);
        });
    }

    private static IRotationGrain Rotation(IGrainFactory grains) => grains.GetGrain<IRotationGrain>(IRotationGrain.Centre);

    /// <summary>The last 24 hours unless told otherwise.</summary>
    private static (DateTimeOffset From, DateTimeOffset To) Period(DateTimeOffset? from, DateTimeOffset? to, TimeProvider time)
    {
        var end = to ?? time.GetUtcNow();
        return (from ?? end.AddDays(-1), end);
    }

    /// <summary>Facilities and households by their coordinates, each with its open alerts' worst priority.</summary>
    /// A household's name is masked on the map (a screen anyone in the room can read) unless one of
    /// its alerts is open and the viewer acts for people (<see cref="PersonalData.SeesIdentity"/>).
    private static async Task<IReadOnlyList<MapPoint>> MapAsync(ClaimsPrincipal user, IPlaces places, IAlertJournal journal, WallSiteLookup lookup, CancellationToken ct)
    {
        var open = await journal.GetOpenAsync(ct);
        var byWallSite = new Dictionary<string, List<AlertSnapshot>>(StringComparer.Ordinal);
        foreach (var alert in open.Where(a => a.Site.Kind == SiteKind.Bed))
        {
            if (await lookup.WallSiteOfAsync(alert.Site, ct) is { } key)
            {
                (byWallSite.TryGetValue(key, out var list) ? list : byWallSite[key] = []).Add(alert);
            }
        }

        var byHousehold = open.Where(a => a.Site.Kind == SiteKind.Household).ToLookup(a => a.Site.Id, StringComparer.Ordinal);
        return [.. (await places.MapPlacesAsync(ct)).Select(p =>
        {
            var alerts = p.Kind == "Facility" ? byWallSite.GetValueOrDefault(p.WallSiteKey) ?? [] : byHousehold[p.Id].ToList();
            var name = p.Kind == "Household" && (alerts.Count == 0 || !PersonalData.SeesIdentity(user)) ? NameMask.Mask(p.Name) : p.Name;
            // A home's exact position is as personal as its address: to a viewer who does not act for
            // the person (an inspector) it is given to about a kilometre (0.01°), enough for a district view.
            var (latitude, longitude) = p.Kind == "Household" && !PersonalData.SeesIdentity(user)
                ? (Math.Round(p.Latitude, 2), Math.Round(p.Longitude, 2))
                : (p.Latitude, p.Longitude);
            return new MapPoint(p.Kind, p.Id, name, latitude, longitude, p.WallSiteKey, alerts.Count,
                alerts.Count == 0 ? null : alerts.Min(a => a.Priority));
        })];
    }
}

public sealed record RotationSettingsRequest(double DwellSeconds, int SitesPerPage, double MaxGapMinutes, IReadOnlyList<string>? Order = null);

public sealed record CoverageReport(DateTimeOffset From, DateTimeOffset To, IReadOnlyList<SiteCoverage> Sites);

public sealed record MapPoint(string Kind, string Id, string Name, double Latitude, double Longitude, string WallSiteKey, int OpenAlerts, AlertPriority? WorstPriority);
