using CareIoT.Contracts;

namespace CareIoT.Server.Api;

public static class SiteEndpoints
{
    /// <summary>Live state of a household or bed, read from its grain.</summary>
    public static void MapSiteEndpoints(this IEndpointRouteBuilder app)
    {
        var sites = app.MapGroup("/api/sites").RequireAuthorization(Auth.Policies.Watch);
        sites.MapGet("/households/{householdId}/alerts", (string householdId, IGrainFactory grains) =>
            grains.GetGrain<IHouseholdGrain>(householdId).GetOpenAlerts());
        sites.MapGet("/beds/{bedId}/alerts", (string bedId, IGrainFactory grains) =>
            grains.GetGrain<IBedGrain>(bedId).GetOpenAlerts());
        sites.MapGet("/beds/{bedId}/vitals", async (string bedId, IGrainFactory grains) =>
            await grains.GetGrain<IBedGrain>(bedId).GetVitals() is { } vitals ? Results.Ok(vitals) : Results.NoContent());
        app.MapGet("/api/devices/{deviceId}/health", (string deviceId, IGrainFactory grains) =>
            grains.GetGrain<IDeviceGrain>(deviceId).GetHealth()).RequireAuthorization(Auth.Policies.Watch);
    }
}
