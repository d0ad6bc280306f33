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
        var alerts = app.MapGroup("/api/alerts");
        alerts.MapGet("/open", (IAlertJournal journal, CancellationToken ct) => journal.GetOpenAsync(ct));
        alerts.MapGet("/", (PostgresAlertQueries queries, TimeProvider time, CancellationToken ct,
                string? status, DateTimeOffset? from, DateTimeOffset? to, int limit = 200) =>
            queries.ListAsync(status switch { "open" => true, "closed" => false, _ => null },
                from ?? time.GetUtcNow().AddDays(-1), to ?? time.GetUtcNow().AddMinutes(1), limit, ct));
        alerts.MapGet("/response-times", (PostgresAlertQueries queries, TimeProvider time, CancellationToken ct, DateTimeOffset? from, DateTimeOffset? to) =>
            queries.ResponseTimesAsync(from ?? time.GetUtcNow().AddDays(-1), to ?? time.GetUtcNow().AddMinutes(1), ct));
        alerts.MapGet("/{alertId:guid}", async (Guid alertId, PostgresAlertJournal journal, CancellationToken ct) =>
            await journal.GetHistoryAsync(alertId, ct) is { } history ? Results.Ok(history) : Results.NotFound());

        alerts.MapPost("/{alertId:guid}/acknowledge", async (Guid alertId, AcknowledgeRequest body, IGrainFactory grains) =>
            InvalidActor(body.Actor) ?? Answer(await grains.GetGrain<IAlertGrain>(alertId).Acknowledge(body.Actor.Trim())));
        alerts.MapPost("/{alertId:guid}/dispatch", async (Guid alertId, DispatchRequest body, IGrainFactory grains) =>
            InvalidActor(body.Actor) ?? InvalidNote(body.Note)
            ?? Answer(await grains.GetGrain<IAlertGrain>(alertId).Dispatch(body.Actor.Trim(), body.Responder, body.Note)));
        alerts.MapPost("/{alertId:guid}/close", async (Guid alertId, CloseRequest body, IGrainFactory grains) =>
            InvalidActor(body.Actor) ?? InvalidNote(body.Note)
            ?? Answer(await grains.GetGrain<IAlertGrain>(alertId).Close(body.Actor.Trim(), body.Outcome, body.Note)));
    }

    private static IResult Answer(TransitionResult result) => result.Error switch
    {
        null => Results.Ok(result.Alert),
        TransitionError.NotFound => Results.Problem(result.Message, statusCode: StatusCodes.Status404NotFound),
        _ => Results.Problem(result.Message, statusCode: StatusCodes.Status409Conflict, title: result.Error.ToString(),
            extensions: new Dictionary<string, object?> { ["alert"] = result.Alert }),
    };

    private static IResult? InvalidActor(string? actor) => string.IsNullOrWhiteSpace(actor) || actor.Length > 64
        ? Results.ValidationProblem(new Dictionary<string, string[]> { ["actor"] = ["1 to 64 characters"] })
        : null;

    private static IResult? InvalidNote(string? note) => note?.Length > MaxText
        ? Results.ValidationProblem(new Dictionary<string, string[]> { ["note"] = [$"at most {MaxText} characters"] })
        : null;
}
