namespace CareIoT.Stores;

/// <summary>
/// Answer and resolution times of the alerts raised in a period, computed from the journal's
/// events: time to acknowledge (first Acknowledged event − Raised event) and time to resolve
/// (first closing event − Raised event). Shares are of all alerts raised, so an alert never
/// acknowledged counts against the target.
/// </summary>
public sealed record ResponseTimes(
    DateTimeOffset From,
    DateTimeOffset To,
    int Raised,
    int Acknowledged,
    double? AcknowledgeP50Seconds,
    double? AcknowledgeP90Seconds,
    double? AcknowledgeMaxSeconds,
    double ShareAcknowledgedWithin60Seconds,
    double ShareAcknowledgedWithin180Seconds,
    int Closed,
    double? ResolveP50Seconds,
    double? ResolveP90Seconds);
