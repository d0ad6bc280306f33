using CareIoT.Contracts;

namespace CareIoT.Server.Api;

public static class ThresholdEndpoints
{
    /// <summary>Per-bed and per-household rule settings, with defaults; invalid settings answer 400 and change nothing.</summary>
    public static void MapThresholdEndpoints(this IEndpointRouteBuilder app)
    {
        var sites = app.MapGroup("/api/sites").RequireAuthorization(Auth.Policies.Watch);
        sites.MapGet("/beds/{bedId}/thresholds", (string bedId, IGrainFactory grains) => grains.GetGrain<IBedGrain>(bedId).GetThresholds());
        sites.MapPut("/beds/{bedId}/thresholds", async (string bedId, BedThresholds body, IGrainFactory grains) =>
        {
            if (body.Problems() is { Count: > 0 } problems)
            {
                return Results.ValidationProblem(new Dictionary<string, string[]> { ["thresholds"] = [.. problems] });
            }

            await grains.GetGrain<IBedGrain>(bedId).SetThresholds(body);
            return Results.Ok(body);
        }).RequireAuthorization(Auth.Policies.Dispatch);
        sites.MapGet("/households/{householdId}/thresholds", (string householdId, IGrainFactory grains) =>
            grains.GetGrain<IHouseholdGrain>(householdId).GetThresholds());
        sites.MapPut("/households/{householdId}/thresholds", async (string householdId, HouseholdThresholds body, IGrainFactory grains) =>
        {
            if (body.Problems() is { Count: > 0 } problems)
            {
                return Results.ValidationProblem(new Dictionary<string, string[]> { ["thresholds"] = [.. problems] });
            }

            await grains.GetGrain<IHouseholdGrain>(householdId).SetThresholds(body);
            return Results.Ok(body);
        }).RequireAuthorization(Auth.Policies.Dispatch);
    }
}
