namespace CareIoT.Telemetry;

/// <summary>The writer's counters; updated from the caller's and the sender's threads.</summary>
internal sealed class WriterStats
{
    private long _accepted;
    private long _written;
    private long _spooled;
    private long _backfilled;
    private long _dropped;
    private long _deadLettered;

    public void Accepted(long points) => Interlocked.Add(ref _accepted, points);

    public void Written(long points) => Interlocked.Add(ref _written, points);

    public void Spooled(long points) => Interlocked.Add(ref _spooled, points);

    public void Backfilled(long points) => Interlocked.Add(ref _backfilled, points);

    public void Dropped(long points) => Interlocked.Add(ref _dropped, points);

    public void DeadLettered(long lines) => Interlocked.Add(ref _deadLettered, lines);

    public InfluxWriterCounters Snapshot(LineSpool spool) => new(
        Interlocked.Read(ref _accepted),
        Interlocked.Read(ref _written),
        Interlocked.Read(ref _spooled),
        Interlocked.Read(ref _backfilled),
        Interlocked.Read(ref _dropped),
        Interlocked.Read(ref _deadLettered),
        spool.Points,
        spool.Bytes);
}
