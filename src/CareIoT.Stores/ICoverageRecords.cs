using CareIoT.Contracts.Rotation;

namespace CareIoT.Stores;

/// <summary>The wall's coverage log as reports read it.</summary>
public interface ICoverageRecords : ICoverageLog
{
    /// <summary>Entries that overlap the period, oldest first.</summary>
    Task<IReadOnlyList<CoverageEntry>> EntriesAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken);

    Task<IReadOnlyList<RotationNotice>> NoticesAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken);
}
