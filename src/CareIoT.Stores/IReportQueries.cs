namespace CareIoT.Stores;

/// <summary>What the uptime report reads from the journal and registry.</summary>
public interface IReportQueries
{
    Task<IReadOnlyList<ReportDevice>> DevicesAsync(string scope, string? id, CancellationToken cancellationToken);

    Task<IReadOnlyList<ReportAlert>> AlertsAsync(string scope, string? id, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken);
}
