using CareIoT.Contracts;

namespace CareIoT.Stores;

/// <summary>The registry as the host reads and writes it: households, beds, devices and their bindings.</summary>
public interface IRegistry : IDeviceRegistry
{
    /// <summary>Whether some device speaks through a gateway of this id (its broker account is the gateway's).</summary>
    Task<bool> IsGatewayAsync(string id, CancellationToken cancellationToken);

    Task UpsertHouseholdAsync(HouseholdDetails household, CancellationToken cancellationToken);

    Task<HouseholdDetails?> GetHouseholdAsync(string householdId, CancellationToken cancellationToken);

    /// <summary>The devices bound to a site, by id.</summary>
    Task<IReadOnlyList<DeviceBinding>> DevicesOfAsync(SiteRef site, CancellationToken cancellationToken);

    Task<BedDetails?> GetBedAsync(string bedId, CancellationToken cancellationToken);

    /// <summary>Creates or updates a bed; a facility that does not exist is an <see cref="UnknownReferenceException"/>.</summary>
    Task UpsertBedAsync(string bedId, string room, string label, string? facilityId, CancellationToken cancellationToken);

    /// <summary>Binds a device to its site. The site must exist; an <see cref="UnknownReferenceException"/> says it does not.</summary>
    Task UpsertDeviceAsync(DeviceBinding binding, string? vendor, string? model, CancellationToken cancellationToken);
}
