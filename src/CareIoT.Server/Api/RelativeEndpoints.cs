using System.Security.Claims;
using System.Text.Json;
using CareIoT.Contracts;
using CareIoT.Stores;
using CareIoT.Server.Auth;

namespace CareIoT.Server.Api;

/// <summary>What a relative answers on an alert of their elder.</summary>
public sealed record RelativeAnswerRequest(string? Answer);

/// <summary>
/// A relative's answer on an open alert of their own elder ("I am on my way", "I called, all is well"):
/// journaled with the relative as actor, and the alert pushed to every console again, so the operator's
/// detail shows it at once. Only the household's own relative may answer (the route's household is checked
/// against the relative's binding; staff are refused: the answer is the family's).
/// </summary>
public static class RelativeEndpoints
{
    public const string AnswerEvent = "RelativeAnswer";

    public static readonly IReadOnlySet<string> Answers = new HashSet<string> { "OnMyWay", "CalledAllWell" };

    public static void MapRelativeEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/sites/households/{householdId}/alerts/{alertId:guid}/answer", async (string householdId, Guid alertId, RelativeAnswerRequest body,
            ClaimsPrincipal user, IAlertJournal alerts, IAlertRecords journal, IAlertNotifier notifier, TimeProvider time, CancellationToken ct) =>
        {
            if (!user.IsInRole(Roles.Relative))
            {
                return Results.Forbid();
            }

            if (body.Answer is null || !Answers.Contains(body.Answer))
            {
                return Results.Problem($"answer is one of {string.Join(", ", Answers)}", statusCode: StatusCodes.Status400BadRequest);
            }

            if (await alerts.GetAsync(alertId, ct) is not { } alert || alert.Site != new SiteRef(SiteKind.Household, householdId))
            {
                return Results.NotFound();
            }

            if (!alert.IsOpen)
            {
                return Results.Problem("the alert is closed", statusCode: StatusCodes.Status409Conflict);
            }

            await journal.AppendActionAsync(alertId, AnswerEvent, user.Identity!.Name!, time.GetUtcNow(), JsonSerializer.Serialize(new { answer = body.Answer }), ct);
            await notifier.AlertChangedAsync(alert, ct);
            return Results.Ok(new { alertId, answer = body.Answer });
        }).RequireAuthorization(Policies.SeeHousehold);
    }
}
