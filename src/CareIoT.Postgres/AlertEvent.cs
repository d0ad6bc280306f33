namespace CareIoT.Postgres;

/// <summary>One row of an alert's journal: what happened, who did it, when, and which device message caused it.</summary>
public sealed record AlertEvent(string Kind, string Actor, DateTimeOffset At, string? SourceKey);
