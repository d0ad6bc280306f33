using System.Security.Claims;
using CareIoT.Contracts;
using CareIoT.Stores;

namespace CareIoT.Server.Api;

public sealed record HandoverRequest(string Note);

/// <summary>The current shift: open alerts, alerts handled since the last handover, and the handover notes.</summary>
public sealed record ShiftView(DateTimeOffset Since, IReadOnlyList<AlertSnapshot> Open, IReadOnlyList<AlertSnapshot> Handled, IReadOnlyList<Handover> Handovers,
    ShiftSummary? Summary = null);

public static class ShiftEndpoints
{
    private static readonly TimeSpan LongestShift = TimeSpan.FromHours(12);

    public static void MapShiftEndpoints(this IEndpointRouteBuilder app)
    {
        var shift = app.MapGroup("/api/shift").RequireAuthorization(Auth.Policies.Watch);
        shift.MapGet("/", async (IShifts shifts, IAlertJournal journal, TimeProvider time, CancellationToken ct) =>
        {
            var handovers = await shifts.RecentHandoversAsync(10, ct);
            var earliest = time.GetUtcNow() - LongestShift;
            var since = handovers.Count > 0 && handovers[0].At > earliest ? handovers[0].At : earliest;
            return new ShiftView(since, await journal.GetOpenAsync(ct), await shifts.ClosedSinceAsync(since, ct), handovers, await shifts.SummaryAsync(since, ct));
        });
        shift.MapPost("/handover", async (HandoverRequest body, ClaimsPrincipal user, IShifts shifts, IAlertJournal journal, TimeProvider time, CancellationToken ct) =>
        {
            if (string.IsNullOrWhiteSpace(body.Note) || body.Note.Length > 4000)
            {
                return Results.ValidationProblem(new Dictionary<string, string[]> { ["note"] = ["1 to 4000 characters"] });
            }

            var open = await journal.GetOpenAsync(ct);
            return Results.Ok(await shifts.AddHandoverAsync(user.Identity!.Name!, body.Note.Trim(), open.Count, time.GetUtcNow(), ct));
        }).RequireAuthorization(Auth.Policies.Dispatch);
    }
}
