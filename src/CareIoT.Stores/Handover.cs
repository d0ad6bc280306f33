namespace CareIoT.Stores;

/// <summary>One shift handover as recorded.</summary>
public sealed record Handover(long Id, DateTimeOffset At, string Author, string Note, int OpenAlerts);
