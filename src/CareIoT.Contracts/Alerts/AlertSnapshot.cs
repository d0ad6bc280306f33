namespace CareIoT.Contracts;

/// <summary>
/// The current state of one alert, as the journal and the console see it. Parameters are only
/// ever appended (serialization depends on their order).
/// </summary>
[GenerateSerializer, Immutable, Alias("CareIoT.AlertSnapshot")]
public sealed record AlertSnapshot(
    Guid AlertId,
    SiteRef Site,
    string DeviceId,
    AlertCause Cause,
    AlertPriority Priority,
    AlertStatus Status,
    DateTimeOffset RaisedAt,
    DateTimeOffset LastSeenAt,
    int Occurrences,
    int EscalationLevel = 0,
    DateTimeOffset? AcknowledgedAt = null,
    string? AcknowledgedBy = null,
    Responder? DispatchedTo = null,
    DateTimeOffset? ClosedAt = null,
    Guid? IncidentId = null,
    string? Reason = null)
{
    // Reason: what the rule saw when it raised the alert ("heart rate 75/min, usual 44–53, for 00:02:00").

    /// <summary>Technical alerts only: the outage incident it is a member of (the console shows the incident, not this row).</summary>
    public bool InIncident => IncidentId is not null;

    public bool IsOpen => Status is AlertStatus.Raised or AlertStatus.Acknowledged or AlertStatus.Dispatched;
}
