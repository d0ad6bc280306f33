using CareIoT.Contracts;

namespace CareIoT.Stores;

/// <summary>Beds' nights as the morning report reads them.</summary>
public interface INightRecords : INightLog
{
    /// <summary>One night of every bed (of one facility, or all), with where each bed is: the morning report.</summary>
    Task<IReadOnlyList<BedNight>> NightOfAsync(DateOnly night, string? facilityId, CancellationToken cancellationToken);
}
