using System.Security.Claims;
using CareIoT.Contracts;
using CareIoT.Stores;
using CareIoT.Server.Privacy;

namespace CareIoT.Server.Api;

/// <summary>
/// What the dispatch console's queue needs besides the alerts themselves: who and where each site is (read
/// in one call for the sites on screen, never on the push path), acknowledging technical alerts in bulk, and the
/// outage incidents that group a storm of offline alerts.
/// </summary>
public static class QueueEndpoints
{
    /// <summary>More ids than a screen of queue rows could need are refused, not cut.</summary>
    public const int MaxIds = 2000;

    public static void MapQueueEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/sites/summaries", async (SiteSummaryRequest body, ClaimsPrincipal user, ISiteSummaries summaries, CancellationToken ct) =>
        {
            var households = body.Households ?? [];
            var beds = body.Beds ?? [];
            if (households.Length + beds.Length > MaxIds)
            {
                return Results.Problem($"at most {MaxIds} sites per request", statusCode: StatusCodes.Status400BadRequest);
            }

            var found = await summaries.ListAsync([.. households.Distinct()], [.. beds.Distinct()], ct);
            var identity = PersonalData.SeesIdentity(user);
            return Results.Ok(identity ? found : [.. found.Select(s => s.Kind == "Household" ? s with { Name = NameMask.Mask(s.Name), Address = "" } : s)]);
        }).RequireAuthorization(Auth.Policies.Watch);

        app.MapGet("/api/incidents/open", (IIncidents incidents, CancellationToken ct) => incidents.ListOpenAsync(ct))
            .RequireAuthorization(Auth.Policies.Watch);

        // An outage acknowledged as one: each member is the operator's own acknowledge, journaled one by one.
        app.MapPost("/api/incidents/{incidentId:guid}/acknowledge", async (Guid incidentId, ClaimsPrincipal user, IIncidents incidents, IGrainFactory grains,
            CancellationToken ct) =>
        {
            var acknowledged = 0;
            foreach (var member in await incidents.UnacknowledgedMembersAsync(incidentId, ct))
            {
                acknowledged += (await grains.GetGrain<IAlertGrain>(member).Acknowledge(user.Identity!.Name!)).Succeeded ? 1 : 0;
            }

            return Results.Ok(new { incidentId, acknowledged });
        }).RequireAuthorization(Auth.Policies.Dispatch);

        app.MapPost("/api/alerts/acknowledge", async (BulkAcknowledgeRequest body, ClaimsPrincipal user, IGrainFactory grains, IAlertJournal journal, CancellationToken ct) =>
        {
            var ids = body.AlertIds ?? [];
            if (ids.Length == 0 || ids.Length > MaxIds)
            {
                return Results.Problem($"name 1 to {MaxIds} alerts", statusCode: StatusCodes.Status400BadRequest);
            }

            // Each is the operator's own acknowledge, journaled one by one like a single one. A life-safety
            // alert is never acknowledged in bulk: each fire, fall or press is looked at on its own.
            var results = new List<BulkAcknowledgeResult>(ids.Length);
            foreach (var id in ids.Distinct())
            {
                if (await journal.GetAsync(id, ct) is not { } alert)
                {
                    results.Add(new BulkAcknowledgeResult(id, null, TransitionError.NotFound.ToString()));
                    continue;
                }

                if (!AlertCauses.IsPerDevice(alert.Cause))
                {
                    results.Add(new BulkAcknowledgeResult(id, alert.Status.ToString(), "LifeSafety"));
                    continue;
                }

                var result = await grains.GetGrain<IAlertGrain>(id).Acknowledge(user.Identity!.Name!);
                results.Add(new BulkAcknowledgeResult(id, result.Alert?.Status.ToString(), result.Error?.ToString()));
            }

            return Results.Ok(results);
        }).RequireAuthorization(Auth.Policies.Dispatch);
    }
}
