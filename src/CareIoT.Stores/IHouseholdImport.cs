using CareIoT.Contracts;

namespace CareIoT.Stores;

/// <summary>Bulk import of households and their devices, all or nothing.</summary>
public interface IHouseholdImport
{
    /// <summary>Every serial and device id already registered, so an import can name its duplicates.</summary>
    Task<IReadOnlySet<string>> RegisteredSerialsAsync(CancellationToken cancellationToken);

    Task ImportAsync(
        IReadOnlyList<HouseholdDetails> households, IReadOnlyList<(string HouseholdId, DeviceKind Kind, string Serial)> devices, CancellationToken cancellationToken);
}
