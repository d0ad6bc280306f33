using CareIoT.Contracts;

namespace CareIoT.Grains.Monitoring;

/// <summary>
/// A time-based rule's verdict: raise this cause. <paramref name="EpisodeStart"/> identifies the
/// episode, so a finding repeated for the same episode is idempotent in the journal.
/// </summary>
public sealed record AlertFinding(AlertCause Cause, AlertPriority Priority, string Reason, DateTimeOffset At, DateTimeOffset EpisodeStart);
