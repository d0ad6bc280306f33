namespace CareIoT.Stores;

/// <summary>The audit log: who did or saw what, when.</summary>
public interface IAuditLog
{
    Task RecordAsync(string actor, string action, string target, object? detail, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>The most recent entries, newest first, optionally of one action or about one target.</summary>
    Task<IReadOnlyList<AuditEntry>> RecentAsync(string? action, string? target, int limit, CancellationToken cancellationToken);
}
