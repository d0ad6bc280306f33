using CareIoT.Contracts;

namespace CareIoT.Stores;

/// <summary>The alert journal as the host uses it beyond the grains' port: history, actions, every open alert.</summary>
public interface IAlertRecords : IAlertJournal
{
    /// <summary>The alert and every event of its history, oldest first.</summary>
    Task<AlertHistory?> GetHistoryAsync(Guid alertId, CancellationToken cancellationToken);

    /// <summary>
    /// Appends what a person did on an alert besides moving it (a response-plan step ticked, a call made, steps
    /// skipped with a reason), with its JSON detail and an audit record. False when there is no such alert.
    /// </summary>
    Task<bool> AppendActionAsync(Guid alertId, string kind, string actor, DateTimeOffset at, string detail, CancellationToken cancellationToken);
}
