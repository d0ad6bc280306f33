using CareIoT.Contracts;
using CareIoT.Postgres;

namespace CareIoT.Server.Api;

public static class AlertEndpoints
{
    /// <summary>Alerts as the journal has them: the open queue, and one alert with its history.</summary>
    public static void MapAlertEndpoints(this IEndpointRouteBuilder app)
    {
        var alerts = app.MapGroup("/api/alerts");
        alerts.MapGet("/open", (IAlertJournal journal, CancellationToken ct) => journal.GetOpenAsync(ct));
        alerts.MapGet("/{alertId:guid}", async (Guid alertId, PostgresAlertJournal journal, CancellationToken ct) =>
            await journal.GetHistoryAsync(alertId, ct) is { } history ? Results.Ok(history) : Results.NotFound());
    }
}
