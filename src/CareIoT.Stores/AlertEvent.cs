namespace CareIoT.Stores;

/// <summary>One row of an alert's journal: what happened, who did it, when, and which device message caused it.</summary>
/// <paramref name="Detail"/> is the event's JSON detail where it has one (a transition's note, a plan step, a call).
public sealed record AlertEvent(string Kind, string Actor, DateTimeOffset At, string? SourceKey, string? Detail = null);
