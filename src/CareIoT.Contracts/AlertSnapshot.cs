namespace CareIoT.Contracts;

/// <summary>The current state of one alert, as the journal and the console see it.</summary>
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
    int Occurrences)
{
    public bool IsOpen => Status is AlertStatus.Raised or AlertStatus.Acknowledged or AlertStatus.Dispatched;
}
