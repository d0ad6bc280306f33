using System.Globalization;
using System.Text;
using CareIoT.Contracts;
using CareIoT.Stores;
using CareIoT.Reports;

namespace CareIoT.Server.Api;

/// <summary>A bed's resident, their nights, and the facility's morning report.</summary>
public sealed record BedCare(BedCareView Care, IReadOnlyList<NightSummary> Nights);

/// <summary>A new resident in a bed (from now, or from <see cref="Since"/> if given and not in the future).</summary>
public sealed record ResidentRequest(DateTimeOffset? Since);

/// <summary>
/// The resident's own normal on the bed page (baseline or warm-up, limits in force, last 14 nights), a new
/// resident resetting it, the morning report of every bed's night (JSON or CSV), and the baseline job run now.
/// </summary>
public static class BedCareEndpoints
{
    public static void MapBedCareEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/sites/beds/{bedId}/care", async (string bedId, IGrainFactory grains, IRegistry registry, INightLog nights,
            TimeProvider time, CancellationToken ct) =>
        {
            if (await registry.GetBedAsync(bedId, ct) is null)
            {
                return Results.NotFound();
            }

            var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
            return Results.Ok(new BedCare(await grains.GetGrain<IBedGrain>(bedId).GetCare(), await nights.SummariesAsync(bedId, today.AddDays(-14), today, ct)));
        }).RequireAuthorization(Auth.Policies.Watch);

        app.MapPut("/api/sites/beds/{bedId}/resident", async (string bedId, ResidentRequest body, IGrainFactory grains, IRegistry registry,
            TimeProvider time, CancellationToken ct) =>
        {
            var now = time.GetUtcNow();
            if (await registry.GetBedAsync(bedId, ct) is null)
            {
                return Results.NotFound();
            }

            if (body.Since > now)
            {
                return Results.Problem("since must not be in the future", statusCode: StatusCodes.Status400BadRequest);
            }

            await grains.GetGrain<IBedGrain>(bedId).AssignResident(body.Since ?? now);
            return Results.NoContent();
        }).RequireAuthorization(Auth.Policies.Install);

        app.MapGet("/api/reports/nights", async (string? night, string? facility, string? format, INightRecords log, TimeProvider time, CancellationToken ct) =>
        {
            if (!TryNight(night, time, out var date))
            {
                return Results.Problem("night must be a date yyyy-MM-dd", statusCode: StatusCodes.Status400BadRequest);
            }

            var rows = await log.NightOfAsync(date, string.IsNullOrWhiteSpace(facility) ? null : facility, ct);
            return format == "csv"
                ? Results.File(Encoding.UTF8.GetBytes(NightsCsv.Write(rows.Select(r => (r.Facility, r.Room, r.Label, r.Night)))),
                    "text/csv; charset=utf-8", $"nights-{date:yyyyMMdd}{(facility is null ? "" : "-" + facility)}.csv")
                : Results.Ok(rows);
        }).RequireAuthorization(Auth.Policies.Watch);

        var job = app.MapGroup("/api/admin/baselines").RequireAuthorization(Auth.Policies.Administer);
        job.MapPost("/run", async (IGrainFactory grains) =>
            Results.Accepted("/api/admin/baselines/run", await grains.GetGrain<IBaselineJobGrain>(IBaselineJobGrain.Centre).RunNow()));
        job.MapGet("/run", async (IGrainFactory grains) =>
            await grains.GetGrain<IBaselineJobGrain>(IBaselineJobGrain.Centre).GetLastRun() is { } run ? Results.Ok(run) : Results.NoContent());
    }

    /// <summary>The night asked for; by default the last night (the one that began yesterday, facility time aside).</summary>
    private static bool TryNight(string? text, TimeProvider time, out DateOnly night)
    {
        night = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime).AddDays(-1);
        return string.IsNullOrEmpty(text) || DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out night);
    }
}
