using CareIoT.Contracts;
using CareIoT.DeviceProtocol;
using CareIoT.Stores;

namespace CareIoT.Server.Api;

public static class RegistryEndpoints
{
    /// <summary>The installer's registry: households, beds, devices and their bindings.</summary>
    public static void MapRegistryEndpoints(this IEndpointRouteBuilder app)
    {
        var registry = app.MapGroup("/api/registry").RequireAuthorization(Auth.Policies.Install);
        registry.MapPut("/households/{householdId}", async (string householdId, HouseholdRequest body, IRegistry store, Wall.RotationSiteSync wall, CancellationToken ct) =>
        {
            if (!DeviceTopics.IsValidDeviceId(householdId) || string.IsNullOrWhiteSpace(body.ElderName) || body.ElderName.Length > 100
                || body.BirthYear is < 1900 or > 2100 || body.MedicalNotes?.Length > 2000 || body.Contacts?.Count > 10
                || body.Community?.Length > 100 || body.Address?.Length > 300 || !Coordinates.AreValid(body.Latitude, body.Longitude))
            {
                return Results.ValidationProblem(new Dictionary<string, string[]>
                {
                    ["household"] = ["id must be 1-64 of A-Z a-z 0-9 - _; elderName 1-100 characters; address at most 300; birthYear 1900-2100; notes at most 2000; at most 10 contacts; community at most 100; latitude and longitude both or neither, in range"],
                });
            }

            await store.UpsertHouseholdAsync(new HouseholdDetails(householdId, body.ElderName.Trim(), body.Address ?? "", body.BirthYear,
                body.MedicalNotes ?? "", body.Contacts ?? [], body.Community?.Trim() ?? "", body.Latitude, body.Longitude), ct);
            wall.Poke();
            return Results.NoContent();
        });
        registry.MapPut("/beds/{bedId}", async (string bedId, BedRequest body, IRegistry store, CancellationToken ct) =>
        {
            if (!DeviceTopics.IsValidDeviceId(bedId) || body.Room?.Length > 50 || body.Label?.Length > 50)
            {
                return Results.ValidationProblem(new Dictionary<string, string[]> { ["bed"] = ["id must be 1-64 of A-Z a-z 0-9 - _; room and label at most 50 characters"] });
            }

            try
            {
                await store.UpsertBedAsync(bedId, body.Room ?? "", body.Label ?? "", body.FacilityId, ct);
            }
            catch (UnknownReferenceException)
            {
                return Results.ValidationProblem(new Dictionary<string, string[]> { ["facilityId"] = [$"facility {body.FacilityId} is not registered"] });
            }

            return Results.NoContent();
        });
        registry.MapPut("/facilities/{facilityId}", async (string facilityId, FacilityRequest body, IPlaces places, Wall.RotationSiteSync wall, CancellationToken ct) =>
        {
            if (!DeviceTopics.IsValidDeviceId(facilityId) || string.IsNullOrWhiteSpace(body.Name) || body.Name.Length > 200
                || body.Address?.Length > 300 || !Coordinates.AreValid(body.Latitude, body.Longitude))
            {
                return Results.ValidationProblem(new Dictionary<string, string[]>
                {
                    ["facility"] = ["id must be 1-64 of A-Z a-z 0-9 - _; name 1-200 characters; address at most 300; latitude and longitude both or neither, in range"],
                });
            }

            await places.UpsertFacilityAsync(new FacilityDetails(facilityId, body.Name.Trim(), body.Address ?? "", body.Latitude, body.Longitude), ct);
            wall.Poke();
            return Results.NoContent();
        });
        registry.MapPut("/devices/{deviceId}", PutDevice);
    }

    private static async Task<IResult> PutDevice(
        string deviceId, DeviceRequest body, IRegistry store, Install.DeviceAccounts accounts, IGrainFactory grains, CancellationToken ct)
    {
        if (accounts.IsPlatformAccount(deviceId))
        {
            return Results.ValidationProblem(new Dictionary<string, string[]> { ["device"] = [$"'{deviceId}' is reserved for the platform's own broker accounts"] });
        }

        if (!DeviceTopics.IsValidDeviceId(deviceId) || (body.HouseholdId is null) == (body.BedId is null)
            || body.OfflineAfterSeconds is < 60 || (body.GatewayId is { } gateway && !DeviceTopics.IsValidDeviceId(gateway))
            || body.Vendor?.Length > 64 || body.Model?.Length > 64 || !Enum.IsDefined(body.Kind))
        {
            return Results.ValidationProblem(new Dictionary<string, string[]>
            {
                ["device"] = ["id must be 1-64 of A-Z a-z 0-9 - _; exactly one of householdId and bedId; offlineAfterSeconds at least 60; a known kind; vendor and model at most 64 characters"],
            });
        }

        var site = body.HouseholdId is not null ? new SiteRef(SiteKind.Household, body.HouseholdId) : new SiteRef(SiteKind.Bed, body.BedId!);
        var offlineAfter = body.OfflineAfterSeconds is { } seconds ? TimeSpan.FromSeconds(seconds) : (TimeSpan?)null;
        var binding = new DeviceBinding(deviceId, body.Kind, site, offlineAfter, body.GatewayId);
        try
        {
            await store.UpsertDeviceAsync(binding, body.Vendor, body.Model, ct);
        }
        catch (UnknownReferenceException)
        {
            return Results.ValidationProblem(new Dictionary<string, string[]> { ["site"] = [$"{site} is not registered"] });
        }

        await grains.GetGrain<IDeviceGrain>(deviceId).Rebind(binding);
        return Results.NoContent();
    }
}
