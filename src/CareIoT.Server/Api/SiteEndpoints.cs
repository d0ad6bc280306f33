using System.Security.Claims;
using CareIoT.Contracts;
using CareIoT.Server.Privacy;

namespace CareIoT.Server.Api;

public static class SiteEndpoints
{
    /// <summary>Live state of a household or bed, read from its grain.</summary>
    public static void MapSiteEndpoints(this IEndpointRouteBuilder app)
    {
        var households = app.MapGroup("/api/sites/households").RequireAuthorization(Auth.Policies.SeeHousehold);
        households.MapGet("/{householdId}", async (string householdId, ClaimsPrincipal user, CareIoT.Stores.IRegistry registry,
            AccessAudit audit, CancellationToken ct) =>
        {
            if (await registry.GetHouseholdAsync(householdId, ct) is not { } household)
            {
                return Results.NotFound();
            }

            await audit.ViewedAsync(user, "household", $"household:{householdId}", ct);
            return Results.Ok(PersonalData.For(household, user));
        });
        households.MapGet("/{householdId}/devices", (string householdId, CareIoT.Stores.IRegistry registry, IGrainFactory grains, CancellationToken ct) =>
            DevicesAsync(new SiteRef(SiteKind.Household, householdId), registry, grains, ct));
        households.MapGet("/{householdId}/alerts", (string householdId, IGrainFactory grains) =>
            grains.GetGrain<IHouseholdGrain>(householdId).GetOpenAlerts());

        var sites = app.MapGroup("/api/sites").RequireAuthorization(Auth.Policies.Watch);
        sites.MapGet("/beds/{bedId}", async (string bedId, CareIoT.Stores.IRegistry registry, CancellationToken ct) =>
            await registry.GetBedAsync(bedId, ct) is { } bed ? Results.Ok(bed) : Results.NotFound());
        sites.MapGet("/beds/{bedId}/devices", (string bedId, CareIoT.Stores.IRegistry registry, IGrainFactory grains, CancellationToken ct) =>
            DevicesAsync(new SiteRef(SiteKind.Bed, bedId), registry, grains, ct));
        sites.MapGet("/beds/{bedId}/alerts", (string bedId, IGrainFactory grains) =>
            grains.GetGrain<IBedGrain>(bedId).GetOpenAlerts());
        sites.MapGet("/beds/{bedId}/vitals", async (string bedId, IGrainFactory grains) =>
            await grains.GetGrain<IBedGrain>(bedId).GetVitals() is { } vitals ? Results.Ok(vitals) : Results.NoContent());
        sites.MapGet("/beds/{bedId}/vitals/history", async (string bedId, int? hours, CareIoT.Telemetry.VitalsHistory history, CancellationToken ct) =>
            await history.ReadAsync(bedId, Math.Clamp(hours ?? 24, 1, 24 * 31), ct));
        app.MapGet("/api/devices/{deviceId}/health", (string deviceId, IGrainFactory grains) =>
            grains.GetGrain<IDeviceGrain>(deviceId).GetHealth()).RequireAuthorization(Auth.Policies.Watch);
        app.MapGet("/api/devices/{deviceId}/recent", RecentAsync).RequireAuthorization(Auth.Policies.Watch);
    }

    /// <summary>
    /// What a device reported lately (online/offline transitions with their cause, heartbeats) from the
    /// telemetry store, for the alert detail. 503 while the store cannot be read: the detail says so.
    /// </summary>
    private static async Task<IResult> RecentAsync(string deviceId, int? hours, CareIoT.Reports.IDeviceFactsSource history, TimeProvider time,
        ILogger<DeviceRecent> logger, CancellationToken ct)
    {
        var to = time.GetUtcNow();
        var from = to.AddHours(-Math.Clamp(hours ?? 24, 1, 24 * 7));
        try
        {
            var facts = (await history.ReadAsync([deviceId], everyDevice: false, from, to, ct)).GetValueOrDefault(deviceId);
            return Results.Ok(new DeviceRecent(from, to, facts?.OnlineAtStart, facts?.Transitions ?? [], facts?.Heartbeats ?? 0));
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !ct.IsCancellationRequested)
        {
            logger.LogWarning(e, "Recent history of device {DeviceId} could not be read from the telemetry store", deviceId);
            return Results.Problem("the telemetry store cannot be read", statusCode: StatusCodes.Status503ServiceUnavailable);
        }
    }

    /// <summary>A site's devices with their live health from the device grains.</summary>
    private static async Task<IReadOnlyList<SiteDevice>> DevicesAsync(
        SiteRef site, CareIoT.Stores.IRegistry registry, IGrainFactory grains, CancellationToken ct)
    {
        var devices = await registry.DevicesOfAsync(site, ct);
        var health = await Task.WhenAll(devices.Select(d => grains.GetGrain<IDeviceGrain>(d.DeviceId).GetHealth()));
        return [.. devices.Zip(health, (d, h) => new SiteDevice(d.DeviceId, d.Kind, d.GatewayId, h))];
    }
}

/// <summary>A device's recent history: online state at the start, its transitions, heartbeats counted.</summary>
public sealed record DeviceRecent(DateTimeOffset From, DateTimeOffset To, bool? OnlineAtStart,
    IReadOnlyList<CareIoT.Reports.DeviceTransition> Transitions, int Heartbeats);

/// <summary>One device of a site as its page shows it.</summary>
public sealed record SiteDevice(string DeviceId, DeviceKind Kind, string? GatewayId, DeviceHealth Health);
