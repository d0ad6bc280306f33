using CareIoT.Contracts;

namespace CareIoT.Stores;

/// <summary>An alert raised in a report's period, with its first acknowledge and close from the journal.</summary>
public sealed record ReportAlert(Guid AlertId, AlertCause Cause, AlertPriority Priority, DateTimeOffset RaisedAt, DateTimeOffset? AcknowledgedAt, DateTimeOffset? ClosedAt);
