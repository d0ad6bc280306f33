using System.Security.Claims;
using System.Text;
using CareIoT.Server.Privacy;
using CareIoT.Reports;
using CareIoT.Server.Reports;

namespace CareIoT.Server.Api;

public static class ReportEndpoints
{
    /// <summary>The uptime report as JSON and as CSV, for inspectors.</summary>
    public static void MapReportEndpoints(this IEndpointRouteBuilder app)
    {
        var reports = app.MapGroup("/api/reports").RequireAuthorization(Auth.Policies.Inspect);
        reports.MapGet("/uptime", async (HttpRequest request, ClaimsPrincipal user, UptimeReportBuilder builder, IConfiguration config, AccessAudit audit, CancellationToken ct) =>
        {
            if (Parse(request, config) is not { } query)
            {
                return Problem();
            }

            await audit.ExportedAsync(user, "uptime-report", $"{query.Scope.Kind}:{query.Scope.Id ?? "all"}", new { query.From, query.To, format = "json" }, ct);
            return Results.Ok(await builder.BuildAsync(query.Scope, query.From, query.To, ct));
        });
        reports.MapGet("/uptime.csv", async (HttpRequest request, ClaimsPrincipal user, UptimeReportBuilder builder, IConfiguration config, AccessAudit audit, CancellationToken ct) =>
        {
            if (Parse(request, config) is not { } query)
            {
                return Problem();
            }

            await audit.ExportedAsync(user, "uptime-report", $"{query.Scope.Kind}:{query.Scope.Id ?? "all"}", new { query.From, query.To, format = "csv" }, ct);

            var report = await builder.BuildAsync(query.Scope, query.From, query.To, ct);
            var name = $"uptime-{query.Scope.Kind}-{query.Scope.Id ?? "all"}-{query.From:yyyyMMdd}-{query.To:yyyyMMdd}.csv";
            return Results.File(Encoding.UTF8.GetBytes(UptimeCsv.Write(report)), "text/csv; charset=utf-8", name);
        });
    }

    private static (ReportScope Scope, DateTimeOffset From, DateTimeOffset To)? Parse(HttpRequest request, IConfiguration config)
    {
        var q = request.Query;
        var scope = (string?)q["scope"] ?? "district";
        var id = (string?)q["id"];
        var offset = TimeSpan.FromHours(config.GetValue("Reports:UtcOffsetHours", 8.0));
        DateTimeOffset? At(string key) => DateTimeOffset.TryParse(q[key], System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var at) ? at : null;
        if (!ReportScope.Kinds.Contains(scope) || (scope != "district" && !CareIoT.DeviceProtocol.DeviceTopics.IsValidDeviceId(id ?? ""))
            || ReportPeriod.Parse(q["period"], q["date"], q["month"], At("from"), At("to"), offset) is not { } period)
        {
            return null;
        }

        return (new ReportScope(scope, scope == "district" ? null : id), period.From, period.To);
    }

    private static IResult Problem() => Results.ValidationProblem(new Dictionary<string, string[]>
    {
        ["report"] = ["scope is device, household, facility (with id) or district; period=day&date=YYYY-MM-DD, period=month&month=YYYY-MM, or from&to (ISO 8601, at most 400 days)"],
    });
}
