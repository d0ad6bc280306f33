namespace CareIoT.Stores;

/// <summary>One line of the append-only audit log.</summary>
public sealed record AuditEntry(long AuditId, DateTimeOffset At, string Actor, string Action, string Target, string? Detail);
