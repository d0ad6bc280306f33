using System.Security.Claims;
using CareIoT.Contracts;
using CareIoT.Stores;

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
        alerts.MapGet("/", (IAlertQueries queries, TimeProvider time, CancellationToken ct,
                string? status, DateTimeOffset? from, DateTimeOffset? to, int limit = 200) =>
            queries.ListAsync(status switch { "open" => true, "closed" => false, _ => null },
                from ?? time.GetUtcNow().AddDays(-1), to ?? time.GetUtcNow().AddMinutes(1), limit, ct));
        alerts.MapGet("/response-times", (IAlertQueries queries, TimeProvider time, CancellationToken ct, DateTimeOffset? from, DateTimeOffset? to) =>
            queries.ResponseTimesAsync(from ?? time.GetUtcNow().AddDays(-1), to ?? time.GetUtcNow().AddMinutes(1), ct));
        alerts.MapGet("/{alertId:guid}", async (Guid alertId, IAlertRecords journal, CancellationToken ct) =>
            await journal.GetHistoryAsync(alertId, ct) is { } history ? Results.Ok(history) : Results.NotFound());

        alerts.MapPost("/{alertId:guid}/acknowledge", async (Guid alertId, ClaimsPrincipal user, IGrainFactory grains) =>
            Answer(await grains.GetGrain<IAlertGrain>(alertId).Acknowledge(user.Identity!.Name!)))
            .RequireAuthorization(Auth.Policies.Dispatch);
        alerts.MapPost("/{alertId:guid}/dispatch", async (Guid alertId, DispatchRequest body, ClaimsPrincipal user, IGrainFactory grains) =>
            InvalidNote(body.Note) ?? Answer(await grains.GetGrain<IAlertGrain>(alertId).Dispatch(user.Identity!.Name!, body.Responder, body.Note)))
            .RequireAuthorization(Auth.Policies.Dispatch);
        alerts.MapPost("/{alertId:guid}/close", async (Guid alertId, CloseRequest body, ClaimsPrincipal user, IGrainFactory grains,
                Plans.ResponsePlanBook plans, IAlertRecords journal, TimeProvider time, CancellationToken ct) =>
            InvalidNote(body.Note) ?? InvalidNote(body.SkipReason)
            ?? await PlanIncomplete(alertId, body, user.Identity!.Name!, plans, journal, time, ct)
            ?? Answer(await grains.GetGrain<IAlertGrain>(alertId).Close(user.Identity!.Name!, body.Outcome, body.Note)))
            .RequireAuthorization(Auth.Policies.Dispatch);
    }

    /// <summary>
    /// Closing needs the response plan's mandatory steps done, or a reason: then the skipped steps and the reason
    /// are journaled first. 409 (title PlanIncomplete, <c>missing</c>: the step ids) when neither. An alert that
    /// cannot be closed anyway (not acknowledged, closed already) is left to the grain's answer.
    /// </summary>
    private static async Task<IResult?> PlanIncomplete(Guid alertId, CloseRequest body, string actor, Plans.ResponsePlanBook plans,
        IAlertRecords journal, TimeProvider time, CancellationToken ct)
    {
        if (await journal.GetHistoryAsync(alertId, ct) is not { Alert.Status: AlertStatus.Acknowledged or AlertStatus.Dispatched } history)
        {
            return null;
        }

        var missing = Plans.PlanProgress.MissingMandatory(Plans.PlanProgress.Of(plans.For(history.Alert.Cause), history));
        if (missing.Count == 0)
        {
            return null;
        }

        if (string.IsNullOrWhiteSpace(body.SkipReason))
        {
            return Results.Problem($"the response plan's mandatory steps are not done: {string.Join(", ", missing)}; do them or give a reason",
                statusCode: StatusCodes.Status409Conflict, title: "PlanIncomplete", extensions: new Dictionary<string, object?> { ["missing"] = missing });
        }

        await journal.AppendActionAsync(alertId, Plans.PlanProgress.SkippedEvent, actor, time.GetUtcNow(),
            System.Text.Json.JsonSerializer.Serialize(new { steps = missing, reason = body.SkipReason }), ct);
        return null;
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
