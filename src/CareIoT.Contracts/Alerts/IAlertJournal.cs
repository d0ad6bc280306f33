namespace CareIoT.Contracts;

/// <summary>
/// The durable, append-only record of alerts. Every write is idempotent on the source key of the
/// device message that caused it, so a redelivered message never creates a second alert.
/// </summary>
public interface IAlertJournal
{
    /// <summary>
    /// Records a new alert caused by <paramref name="sourceKey"/>. If that source was already
    /// recorded, nothing is written and the alert it belongs to is returned instead. If the site
    /// already has an open alert of this cause (of this device, for technical causes) — a second
    /// writer raced this one — the occurrence is recorded as its repeat and that alert is returned.
    /// </summary>
    Task<AlertSnapshot> RaiseAsync(AlertSnapshot alert, string sourceKey, CancellationToken cancellationToken);

    /// <summary>
    /// Records another occurrence of an open alert (count and last seen). Idempotent on
    /// <paramref name="sourceKey"/>. Returns the alert as it now stands; if it has been closed in the
    /// meantime nothing is written and the closed alert is returned, so the caller raises a new one.
    /// </summary>
    Task<AlertSnapshot> RepeatAsync(Guid alertId, string sourceKey, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>
    /// Appends an event that changes no count or status (e.g. "Restored", "Cleared") to an alert's
    /// history. Idempotent on <paramref name="sourceKey"/>.
    /// </summary>
    Task AppendNoteAsync(Guid alertId, string kind, string sourceKey, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>
    /// Moves an alert from the transition's From status to its To status and appends the event
    /// (with actor, time and detail) and an audit record, in one transaction. Returns null when the
    /// alert is no longer in From (someone else moved it first): nothing is written.
    /// </summary>
    Task<AlertSnapshot?> TransitionAsync(AlertTransition transition, CancellationToken cancellationToken);

    /// <summary>Records an escalation (or a reminder, with the same level) and returns the alert.</summary>
    Task<AlertSnapshot> EscalateAsync(Guid alertId, int level, string kind, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>One alert as it stands, or null.</summary>
    Task<AlertSnapshot?> GetAsync(Guid alertId, CancellationToken cancellationToken);

    /// <summary>The open alerts of one site: what a site grain rebuilds its state from when it has none.</summary>
    Task<IReadOnlyList<AlertSnapshot>> GetOpenForSiteAsync(SiteRef site, CancellationToken cancellationToken);

    /// <summary>
    /// Makes <paramref name="alertIds"/> members of the outage incident (created with its area and opening
    /// time if new); returns the members as they now stand. Idempotent.
    /// </summary>
    Task<IReadOnlyList<AlertSnapshot>> AttachToIncidentAsync(Guid incidentId, string area, DateTimeOffset openedAt, IReadOnlyList<Guid> alertIds,
        CancellationToken cancellationToken);

    /// <summary>Closes the incident if none of its members is open any more; true when it is (now or already) closed.</summary>
    Task<bool> CloseIncidentIfOverAsync(Guid incidentId, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>All alerts that are not closed, most urgent first.</summary>
    Task<IReadOnlyList<AlertSnapshot>> GetOpenAsync(CancellationToken cancellationToken);
}
