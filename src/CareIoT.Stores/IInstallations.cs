using CareIoT.Contracts;

namespace CareIoT.Stores;

/// <summary>Devices fitted and removed by installers, and their walk-test records.</summary>
public interface IInstallations : IInstallationLog
{
    /// <summary>Registers a newly fitted device; false when its id or serial is already registered; an <see cref="UnknownReferenceException"/> when its site is not.</summary>
    Task<bool> FitAsync(DeviceBinding binding, string serial, string? vendor, string? model, string installer, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>Moves the device out of the registry into its history; false when it was not registered.</summary>
    Task<bool> DecommissionAsync(string deviceId, string by, DateTimeOffset at, CancellationToken cancellationToken);

    Task<IReadOnlyList<StoredInstallationRecord>> RecordsOfAsync(SiteRef site, CancellationToken cancellationToken);

    /// <summary>Households whose id, elder's name or address contains the text (at most 50).</summary>
    Task<IReadOnlyList<HouseholdListing>> FindHouseholdsAsync(string text, CancellationToken cancellationToken);
}
