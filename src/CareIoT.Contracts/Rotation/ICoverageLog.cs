namespace CareIoT.Contracts.Rotation;

/// <summary>Where the rotation records what was looked at (PostgreSQL in production).</summary>
public interface ICoverageLog
{
    /// <summary>Stores finished coverage entries; an entry is stored once even if this is retried.</summary>
    Task RecordAsync(IReadOnlyList<CoverageEntry> entries, CancellationToken cancellationToken);

    Task NoticeAsync(RotationNotice notice, CancellationToken cancellationToken);

    /// <summary>When each site was last on a watched wall, so gaps are measured across restarts.</summary>
    Task<IReadOnlyDictionary<string, DateTimeOffset>> LastShownAsync(CancellationToken cancellationToken);
}
