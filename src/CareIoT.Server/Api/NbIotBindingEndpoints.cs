using System.Security.Claims;
using System.Text.RegularExpressions;
using CareIoT.CarrierPush;
using CareIoT.Contracts;
using CareIoT.Stores;

namespace CareIoT.Server.Api;

/// <summary>
/// An NB-IoT device as the installer binds it: its IMEI (the path) to a household, with the platform it
/// reports through, the product of the product file that reads it, and the platform's id for it (OneNET
/// <c>dev_id</c>, required; CTWing <c>deviceId</c>, the IMEI unless given).
/// </summary>
public sealed record BindNbIotRequest(string HouseholdId, string Platform, string Product, string? PlatformDeviceId = null, int? SupervisionMinutes = null);

/// <summary>A bound NB-IoT device as shown back.</summary>
public sealed record NbIotBinding(string Imei, string DeviceId, string Platform, string PlatformDeviceId, string Product);

public static partial class NbIotBindingEndpoints
{
    /// <summary>NB-IoT alarms report about once a day when all is well: silent for longer than this, one is offline (unless the installer says otherwise).</summary>
    public static readonly TimeSpan DefaultSupervision = TimeSpan.FromHours(25);

    public static void MapNbIotBindingEndpoints(this IEndpointRouteBuilder app)
    {
        var nbiot = app.MapGroup("/api/install/nbiot").RequireAuthorization(Auth.Policies.Install);
        nbiot.MapGet("/products", (CarrierProductMap products) =>
            products.Products.Select(p => new { name = p.Name, platform = p.Platform.Name(), productId = p.ProductId }).OrderBy(p => p.name, StringComparer.Ordinal));
        nbiot.MapPut("/{imei}", BindAsync);
        nbiot.MapGet("/{imei}", async (string imei, ICarrierBindings devices, CancellationToken ct) =>
            await devices.FindByImeiAsync(imei, ct) is { } d
                ? Results.Ok(new NbIotBinding(d.Imei, d.DeviceId, d.Platform, d.PlatformDeviceId, d.Product))
                : Results.NotFound());
    }

    private static async Task<IResult> BindAsync(string imei, BindNbIotRequest body, ClaimsPrincipal user, ICarrierBindings devices,
        CarrierDeviceDirectory directory, CarrierProductMap products, IGrainFactory grains, TimeProvider time, CancellationToken ct)
    {
        if (Problem(imei, body, products) is { } problem)
        {
            return Results.BadRequest(new { error = problem.Text, code = problem.Code });
        }

        CarrierPlatforms.TryParse(body.Platform, out var platform);
        var row = new CarrierDeviceRow(platform.Name(), body.PlatformDeviceId?.Trim() is { Length: > 0 } given ? given : imei,
            imei, products.Find(body.Product)!.Name, $"nb-{imei}");
        var offlineAfter = body.SupervisionMinutes is { } m ? TimeSpan.FromMinutes(m) : DefaultSupervision;
        switch (await devices.RegisterAsync(row, body.HouseholdId, offlineAfter, user.Identity!.Name!, time.GetUtcNow(), ct))
        {
            case PanelRegistration.Taken:
                return Results.Conflict(new { error = "this IMEI, device or platform id is already bound", code = "taken" });
            case PanelRegistration.NoHousehold:
                return Results.BadRequest(new { error = $"no household '{body.HouseholdId}'", code = "noHousehold" });
        }

        // Seen at once here (other nodes within their refresh); the device grain forgets an earlier "unknown".
        await directory.RefreshAsync(TimeSpan.Zero, ct);
        await grains.GetGrain<IDeviceGrain>(row.DeviceId).Rebind(new DeviceBinding(row.DeviceId, DeviceKind.SmokeAlarm,
            new SiteRef(SiteKind.Household, body.HouseholdId), offlineAfter));
        return Results.Created($"/api/install/nbiot/{imei}", new NbIotBinding(imei, row.DeviceId, row.Platform, row.PlatformDeviceId, row.Product));
    }

    /// <summary>What is wrong with a binding: English text for tools and logs, a code the installer's page shows in its own language.</summary>
    private sealed record BindProblem(string Code, string Text);

    private static BindProblem? Problem(string imei, BindNbIotRequest body, CarrierProductMap products)
    {
        if (!ImeiPattern().IsMatch(imei))
        {
            return new("badImei", "the IMEI is 15 digits");
        }

        if (string.IsNullOrWhiteSpace(body.HouseholdId) || !CarrierPlatforms.TryParse(body.Platform, out var platform) || string.IsNullOrWhiteSpace(body.Product))
        {
            return new("missingFields", "householdId, platform ('onenet' or 'ctwing') and product are required");
        }

        if (products.Find(body.Product) is not { } product || product.Platform != platform)
        {
            return new("unknownProduct", $"no {platform.Name()} product '{body.Product}' in the product file (known: {string.Join(", ", products.Products.Where(p => p.Platform == platform).Select(p => p.Name))})");
        }

        if (platform == CarrierPlatform.OneNet && string.IsNullOrWhiteSpace(body.PlatformDeviceId))
        {
            return new("missingPlatformDeviceId", "a OneNET device needs platformDeviceId: its dev_id on OneNET");
        }

        if (body.PlatformDeviceId is { Length: > 64 })
        {
            return new("badPlatformDeviceId", "platformDeviceId is at most 64 characters");
        }

        return body.SupervisionMinutes is < 1 or > 7 * 24 * 60 ? new("badSupervision", "supervisionMinutes is between 1 and 10080") : null;
    }

    [GeneratedRegex("^[0-9]{15}$")]
    private static partial Regex ImeiPattern();
}
