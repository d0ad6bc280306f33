using System.Security.Claims;
using System.Text.Json;
using System.Text.RegularExpressions;
using CareIoT.Stores;
using CareIoT.Server.Plans;

namespace CareIoT.Server.Api;

/// <summary>
/// The response plan of an alert (its cause's steps, each with who did it and when) and the operator's work on
/// it: ticking a step, recording a call (number, outcome, note). Everything goes into the alert's journal with
/// time and actor; closing then needs the mandatory steps done or a reason (<see cref="AlertEndpoints"/>).
/// </summary>
public static partial class PlanEndpoints
{
    private const int MaxText = 2000;

    public static void MapPlanEndpoints(this IEndpointRouteBuilder app)
    {
        var alerts = app.MapGroup("/api/alerts/{alertId:guid}").RequireAuthorization(Auth.Policies.Watch);
        alerts.MapGet("/plan", async (Guid alertId, ResponsePlanBook plans, IAlertRecords journal, CancellationToken ct) =>
            await journal.GetHistoryAsync(alertId, ct) is { } history
                ? Results.Ok(PlanProgress.Of(plans.For(history.Alert.Cause), history))
                : Results.NotFound());

        alerts.MapPost("/plan/{stepId}", async (Guid alertId, string stepId, PlanStepRequest body, ClaimsPrincipal user, ResponsePlanBook plans,
            IAlertRecords journal, TimeProvider time, CancellationToken ct) =>
        {
            if (body.Note is { Length: > MaxText })
            {
                return Results.Problem($"the note is longer than {MaxText} characters", statusCode: StatusCodes.Status400BadRequest);
            }

            if (await journal.GetHistoryAsync(alertId, ct) is not { } history)
            {
                return Results.NotFound();
            }

            if (plans.For(history.Alert.Cause).All(s => s.Id != stepId))
            {
                return Results.Problem($"the plan for {history.Alert.Cause} has no step '{stepId}'", statusCode: StatusCodes.Status404NotFound);
            }

            await journal.AppendActionAsync(alertId, PlanProgress.StepEvent, user.Identity!.Name!, time.GetUtcNow(),
                JsonSerializer.Serialize(new { step = stepId, note = body.Note }), ct);
            return Results.Ok(PlanProgress.Of(plans.For(history.Alert.Cause), (await journal.GetHistoryAsync(alertId, ct))!));
        }).RequireAuthorization(Auth.Policies.Dispatch);

        alerts.MapPost("/calls", async (Guid alertId, CallRequest body, ClaimsPrincipal user, ResponsePlanBook plans,
            IAlertRecords journal, TimeProvider time, CancellationToken ct) =>
        {
            if (!PhoneNumber().IsMatch(body.Number ?? "") || !Enum.IsDefined(body.Outcome)
                || body.Note is { Length: > MaxText } || body.Contact is { Length: > 200 })
            {
                return Results.Problem("a call needs a phone number (digits, +, -, spaces; 3-20), an outcome (Reached, NoAnswer, Busy, WrongNumber) and a note of at most 2000 characters",
                    statusCode: StatusCodes.Status400BadRequest);
            }

            if (await journal.GetHistoryAsync(alertId, ct) is not { } history)
            {
                return Results.NotFound();
            }

            if (body.Step is { } step && plans.For(history.Alert.Cause).All(s => s.Id != step || s.Kind != "call"))
            {
                return Results.Problem($"the plan for {history.Alert.Cause} has no call step '{step}'", statusCode: StatusCodes.Status404NotFound);
            }

            await journal.AppendActionAsync(alertId, PlanProgress.CallEvent, user.Identity!.Name!, time.GetUtcNow(),
                JsonSerializer.Serialize(new { step = body.Step, contact = body.Contact, number = body.Number!.Trim(), outcome = body.Outcome.ToString(), note = body.Note }), ct);
            return Results.Ok(PlanProgress.Of(plans.For(history.Alert.Cause), (await journal.GetHistoryAsync(alertId, ct))!));
        }).RequireAuthorization(Auth.Policies.Dispatch);
    }

    [GeneratedRegex(@"^\+?[0-9][0-9 \-]{1,18}[0-9]$")]
    private static partial Regex PhoneNumber();
}
