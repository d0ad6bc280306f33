using System.Security.Claims;
using CareIoT.Contracts;
using CareIoT.Postgres;

namespace CareIoT.Server.Api;

public static class AlertEndpoints
{
    private const int MaxText = 2000;

    /// <summary>
    /// Alerts as the journal has them, and the operator's actions on them. A refused action changes
    /// nothing and answers 404 (no such alert) or 409 (wrong status, or someone else was first).
    /// </summary>
    public static void MapAlertEndpoints(this IEndpointRouteBuilder app)
    {
        var alerts = app.MapGroup("/api/alerts").RequireAuthorization(Auth.Policies.Watch);
        alerts.MapGet("/open", (IAlertJournal journal, CancellationToken ct) => journal.GetOpenAsync(ct));
        alerts.MapGet("/", (PostgresAlertQueries queries, TimeProvider time, CancellationToken ct,
                string? status, DateTimeOffset? from, DateTimeOffset? to, int limit = 200) =>
            queries.ListAsync(status switch { "open" => true, "closed" => false, _ => null },
                from ?? time.GetUtcNow().AddDays(-1), to ?? time.GetUtcNow().AddMinutes(1), limit, ct));
        alerts.MapGet("/response-times", (PostgresAlertQueries queries, TimeProvider time, CancellationToken ct, DateTimeOffset? from, DateTimeOffset? to) =>
            queries.ResponseTimesAsync(from ?? time.GetUtcNow().AddDays(-1), to ?? time.GetUtcNow().AddMinutes(1), ct));
        alerts.MapGet("/{alertId:guid}", async (Guid alertId, PostgresAlertJournal journal, CancellationToken ct) =>
            await journal.GetHistoryAsync(alertId, ct) is { } history ? Results.Ok(history) : Results.NotFound());

        alerts.MapPost("/{alertId:guid}/acknowledge", async (Guid alertId, ClaimsPrincipal user, IGrainFactory grains) =>
            Answer(await grains.GetGrain<IAlertGrain>(alertId).Acknowledge(user.Identity!.Name!)))
            .RequireAuthorization(Auth.Policies.Dispatch);
        alerts.MapPost("/{alertId:guid}/dispatch", async (Guid alertId, DispatchRequest body, ClaimsPrincipal user, IGrainFactory grains) =>
            InvalidNote(body.Note) ?? Answer(await grains.GetGrain<IAlertGrain>(alertId).Dispatch(user.Identity!.Name!, body.Responder, body.Note)))
            .RequireAuthorization(Auth.Policies.Dispatch);
        alerts.MapPost("/{alertId:guid}/close", async (Guid alertId, CloseRequest body, ClaimsPrincipal user, IGrainFactory grains) =>
            InvalidNote(body.Note) ?? Answer(await grains.GetGrain<IAlertGrain>(alertId).Close(user.Identity!.Name!, body.Outcome, body.Note)))
            .RequireAuthorization(Auth.Policies.Dispatch);
    }

    private static IResult Answer(TransitionResult result) => result.Error switch
    {
        null => Results.Ok(result.Alert),
        TransitionError.NotFound => Results.Problem(result.Message, statusCode: StatusCodes.Status404NotFound),
        _ => Results.Problem(result.Message, statusCode: StatusCodes.Status409Conflict, title: result.Error.ToString(),
            extensions: new Dictionary<string, object?> { ["alert"] = result.Alert }),
    };

    private static IResult? InvalidNote(string? note) => note?.Length > MaxText
        ? Results.ValidationProblem(new Dictionary<string, string[]> { ["note"] = [$"at most {MaxText} characters"] })
        : null;
}
