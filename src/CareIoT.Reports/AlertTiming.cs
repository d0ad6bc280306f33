using CareIoT.Contracts;

namespace CareIoT.Reports;

/// <summary>An alert raised in the period, with when it was first acknowledged and closed (from the journal).</summary>
public sealed record AlertTiming(Guid AlertId, AlertCause Cause, AlertPriority Priority, DateTimeOffset RaisedAt, DateTimeOffset? AcknowledgedAt, DateTimeOffset? ClosedAt);
