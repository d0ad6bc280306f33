using System.Security.Claims;
using CareIoT.Contracts;
using CareIoT.DeviceProtocol;
using CareIoT.Grains;
using CareIoT.Stores;
using CareIoT.Server.Install;

namespace CareIoT.Server.Api;

public static class InstallEndpoints
{
    /// <summary>The installer's work on site: find a home, fit and provision devices, walk-test, import in bulk.</summary>
    public static void MapInstallEndpoints(this IEndpointRouteBuilder app)
    {
        var install = app.MapGroup("/api/install").RequireAuthorization(Auth.Policies.Install);
        install.MapGet("/households", async (string? search, ClaimsPrincipal user, IInstallations installations, Privacy.AccessAudit audit, CancellationToken ct) =>
        {
            var text = search?.Trim() ?? "";
            await audit.ViewedAsync(user, "household-search", $"search:{text}", ct);
            return await installations.FindHouseholdsAsync(text, ct);
        });
        install.MapPost("/devices", FitAsync);
        install.MapPost("/devices/{deviceId}/credentials", async (string deviceId, DeviceAccounts accounts, BrokerCredentials broker, IConfiguration config, CancellationToken ct) =>
            await accounts.ManageableAsync(deviceId, ct) is null ? Results.NotFound() : Results.Ok(await CredentialsAsync(deviceId, broker, config, ct)));
        install.MapDelete("/devices/{deviceId}", async (string deviceId, ClaimsPrincipal user, DeviceAccounts accounts, IInstallations installations,
            BrokerCredentials broker, IGrainFactory grains, TimeProvider time, CancellationToken ct) =>
        {
            // The registry first: only a registered device's account is ever revoked from here.
            if (await accounts.ManageableAsync(deviceId, ct) is null)
            {
                return Results.NotFound();
            }

            // Then refused by the broker, so a device being taken out cannot speak once more.
            await broker.RevokeAsync(deviceId, ct);
            if (!await installations.DecommissionAsync(deviceId, user.Identity!.Name!, time.GetUtcNow(), ct))
            {
                return Results.NotFound();
            }

            await grains.GetGrain<IDeviceGrain>(deviceId).Rebind(null);
            return Results.NoContent();
        });

        // {kind} is household or bed; anything else is 404 (checked after the policy, so a wrong role still gets 403).
        var site = install.MapGroup("/sites/{kind}/{siteId}");
        site.MapPost("/walk-test", async (string kind, string siteId, WalkTestRequest? body, ClaimsPrincipal user, IGrainFactory grains) =>
            Site(kind, siteId) is { } s
                ? Results.Ok(await grains.WalkTestSite(s).StartWalkTest(user.Identity!.Name!, TimeSpan.FromMinutes(Math.Clamp(body?.Minutes ?? 30, 1, 120))))
                : Results.NotFound());
        site.MapGet("/walk-test", async (string kind, string siteId, IRegistry registry, IGrainFactory grains, CancellationToken ct) =>
            Site(kind, siteId) is { } s ? Results.Ok(await WalkTestAsync(s, registry, grains, ct)) : Results.NotFound());
        site.MapPost("/walk-test/finish", async (string kind, string siteId, ClaimsPrincipal user, IGrainFactory grains) =>
            Site(kind, siteId) is not { } s ? Results.NotFound()
            : await grains.WalkTestSite(s).FinishWalkTest(user.Identity!.Name!) is { } record ? Results.Ok(record) : Results.Conflict());
        site.MapGet("/records", async (string kind, string siteId, IInstallations installations, CancellationToken ct) =>
            Site(kind, siteId) is { } s ? Results.Ok(await installations.RecordsOfAsync(s, ct)) : Results.NotFound());

        install.MapPost("/import", ImportAsync).WithMetadata(new Microsoft.AspNetCore.Mvc.RequestSizeLimitAttribute(Extensions.RequestLimitsExtensions.MaxImportBytes));
    }

    private static async Task<IResult> FitAsync(
        FitDeviceRequest body, ClaimsPrincipal user, DeviceAccounts accounts, IInstallations installations, BrokerCredentials broker,
        IGrainFactory grains, IConfiguration config, TimeProvider time, CancellationToken ct)
    {
        var deviceId = body.DeviceId ?? body.Serial;
        if (!DeviceTopics.IsValidDeviceId(deviceId) || string.IsNullOrWhiteSpace(body.Serial) || body.Serial.Length > 64
            || (body.HouseholdId is null) == (body.BedId is null) || !Enum.IsDefined(body.Kind))
        {
            return Results.ValidationProblem(new Dictionary<string, string[]>
            {
                ["device"] = ["serial 1-64 characters, id 1-64 of A-Z a-z 0-9 - _, a known kind, exactly one of householdId and bedId"],
            });
        }

        if (await accounts.RefusalAsync(deviceId, ct) is { } refusal)
        {
            return Results.ValidationProblem(new Dictionary<string, string[]> { ["device"] = [refusal] });
        }

        if (!broker.IsConfigured)
        {
            return Results.Problem("broker provisioning is not configured (Broker:UsersScript)", statusCode: StatusCodes.Status503ServiceUnavailable);
        }

        var site = body.HouseholdId is { } household ? new SiteRef(SiteKind.Household, household) : new SiteRef(SiteKind.Bed, body.BedId!);
        var binding = new DeviceBinding(deviceId, body.Kind, site);
        try
        {
            if (!await installations.FitAsync(binding, body.Serial, body.Vendor, body.Model, user.Identity!.Name!, time.GetUtcNow(), ct))
            {
                return Results.Conflict(new { detail = $"device {deviceId} or serial {body.Serial} is already registered" });
            }
        }
        catch (UnknownReferenceException)
        {
            return Results.ValidationProblem(new Dictionary<string, string[]> { ["site"] = [$"{site} is not registered"] });
        }

        await grains.GetGrain<IDeviceGrain>(deviceId).Rebind(binding);
        return Results.Created($"/api/install/devices/{deviceId}", await CredentialsAsync(deviceId, broker, config, ct));
    }

    private static async Task<DeviceCredentials> CredentialsAsync(string deviceId, BrokerCredentials broker, IConfiguration config, CancellationToken ct) =>
        new(deviceId, deviceId, await broker.IssueAsync(deviceId, ct), config["Broker:PublicHost"] ?? config["Mqtt:Host"] ?? "127.0.0.1",
            config.GetValue("Broker:PublicPort", 1883), DeviceTopics.Events(deviceId), DeviceTopics.Status(deviceId),
            config.GetValue<int?>("Tls:MqttsPort"), config["Tls:CaCertificate"] is { } ca && File.Exists(ca) ? await File.ReadAllTextAsync(ca, ct) : null);

    private static async Task<WalkTestView> WalkTestAsync(SiteRef site, IRegistry registry, IGrainFactory grains, CancellationToken ct)
    {
        var test = await grains.WalkTestSite(site).GetWalkTest();
        var devices = await registry.DevicesOfAsync(site, ct);
        var health = await Task.WhenAll(devices.Select(d => grains.GetGrain<IDeviceGrain>(d.DeviceId).GetHealth()));
        return new WalkTestView(test, [.. devices.Zip(health, (d, h) =>
            new WalkTestDevice(d.DeviceId, d.Kind, h, [.. (test?.Signals ?? []).Where(s => s.DeviceId == d.DeviceId)]))]);
    }

    /// <summary>CSV in the body; <c>dryRun=true</c> only lists problems. Nothing is imported while any line has one.</summary>
    private static async Task<IResult> ImportAsync(HttpRequest request, bool? dryRun, IHouseholdImport import, Wall.RotationSiteSync wall, CancellationToken ct)
    {
        using var text = new StreamReader(request.Body, System.Text.Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        var (rows, problems) = HouseholdCsv.Read(new StringReader(await text.ReadToEndAsync(ct)), await import.RegisteredSerialsAsync(ct));
        var devices = rows.Sum(r => r.Devices.Count);
        if (problems.Count > 0 || dryRun != false)
        {
            return problems.Count > 0
                ? Results.UnprocessableEntity(new ImportResult(false, rows.Count, devices, problems))
                : Results.Ok(new ImportResult(false, rows.Count, devices, []));
        }

        await import.ImportAsync([.. rows.Select(r => r.Household)], [.. rows.SelectMany(r => r.Devices.Select(d => (r.Household.HouseholdId, d.Kind, d.Serial)))], ct);
        wall.Poke();
        return Results.Ok(new ImportResult(true, rows.Count, devices, []));
    }

    private static SiteRef? Site(string kind, string id) => kind switch
    {
        "household" => new SiteRef(SiteKind.Household, id),
        "bed" => new SiteRef(SiteKind.Bed, id),
        _ => null,
    };
}
