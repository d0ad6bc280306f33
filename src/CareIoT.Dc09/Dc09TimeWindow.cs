namespace CareIoT.Dc09;

/// <summary>
/// How far an encrypted message's timestamp may lie from the receiver's clock: DC-09 rejects one more
/// than 40 s behind or 20 s ahead, which is what makes a recorded encrypted message useless for replay.
/// Both bounds are inclusive.
/// </summary>
public sealed record Dc09TimeWindow(TimeSpan MaxBehind, TimeSpan MaxAhead)
{
    public static Dc09TimeWindow Default { get; } = new(TimeSpan.FromSeconds(40), TimeSpan.FromSeconds(20));

    public bool Contains(DateTimeOffset timestamp, DateTimeOffset now) => timestamp >= now - MaxBehind && timestamp <= now + MaxAhead;
}
