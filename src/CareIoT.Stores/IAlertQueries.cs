using CareIoT.Contracts;

namespace CareIoT.Stores;

/// <summary>Reads over the alert journal: lists, counts, per site, response times.</summary>
public interface IAlertQueries
{
    Task<IReadOnlyList<AlertSnapshot>> ListAsync(
        bool? open, DateTimeOffset from, DateTimeOffset to, int limit, CancellationToken cancellationToken);

    /// <summary>Open alerts by priority name (for the metrics; uses the open-alerts index).</summary>
    Task<IReadOnlyDictionary<string, long>> OpenByPriorityAsync(CancellationToken cancellationToken);

    /// <summary>The alerts of one site raised in the period, newest first (at most 500).</summary>
    Task<IReadOnlyList<AlertSnapshot>> ForSiteAsync(SiteRef site, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken);

    Task<ResponseTimes> ResponseTimesAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken);
}
