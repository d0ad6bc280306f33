namespace CareIoT.Contracts;

/// <summary>An operator's action on an alert, as the journal records it.</summary>
public sealed record AlertTransition(
    Guid AlertId,
    AlertStatus From,
    AlertStatus To,
    string Kind,
    string Actor,
    DateTimeOffset At,
    Responder? Responder = null,
    string? Note = null);
