using Microsoft.Extensions.Logging;

namespace CareIoT.Telemetry;

/// <summary>
/// Batches waiting on disk while InfluxDB is unreachable, oldest first, one segment file per
/// batch. A segment is written aside and renamed, so a crash never leaves half of one; segments
/// left by an earlier run are picked up at start. Disk use is bounded: to make room, the oldest
/// segments are dropped, counted and logged as a warning. Used by one thread (the sender); the
/// sizes may be read from any thread.
/// </summary>
internal sealed class LineSpool
{
    private readonly Queue<SpoolSegment> _segments = new();
    private readonly string _directory;
    private readonly long _maxBytes;
    private readonly WriterStats _stats;
    private readonly ILogger _logger;
    private long _bytes;
    private long _points;
    private long _nextSequence;

    public LineSpool(string directory, long maxBytes, WriterStats stats, ILogger logger)
    {
        _directory = Path.GetFullPath(directory);
        _maxBytes = maxBytes;
        _stats = stats;
        _logger = logger;
        Directory.CreateDirectory(_directory);
        foreach (var partial in Directory.EnumerateFiles(_directory, "*" + SpoolSegment.Extension + ".tmp"))
        {
            File.Delete(partial);
        }

        var found = Directory.EnumerateFiles(_directory, "*" + SpoolSegment.Extension)
            .Select(path => SpoolSegment.Parse(path, new FileInfo(path).Length))
            .OfType<SpoolSegment>()
            .OrderBy(s => s.Sequence);
        foreach (var segment in found)
        {
            Enqueue(segment);
            _nextSequence = segment.Sequence + 1;
        }

        if (_segments.Count > 0)
        {
            _logger.LogInformation("Spool {Directory} holds {Points} points in {Segments} segments from an earlier run; they are sent first",
                _directory, _points, _segments.Count);
        }
    }

    public string Location => _directory;

    public bool IsEmpty => _segments.Count == 0;

    public long Points => Interlocked.Read(ref _points);

    public long Bytes => Interlocked.Read(ref _bytes);

    public SpoolSegment? Oldest => _segments.TryPeek(out var segment) ? segment : null;

    public static byte[] Read(SpoolSegment segment) => File.ReadAllBytes(segment.Path);

    /// <summary>Adds a batch after all others; throws <see cref="IOException"/> when the disk refuses.</summary>
    public void Append(WriteBatch batch)
    {
        if (batch.Body.Length > _maxBytes)
        {
            _stats.Dropped(batch.Points);
            _logger.LogWarning("A batch of {Points} points ({Bytes} bytes) is larger than the spool bound of {MaxBytes} bytes; dropped it",
                batch.Points, batch.Body.Length, _maxBytes);
            return;
        }

        while (Bytes + batch.Body.Length > _maxBytes && _segments.Count > 0)
        {
            var oldest = _segments.Peek();
            RemoveOldest();
            _stats.Dropped(oldest.Points);
            _logger.LogWarning("Spool {Directory} reached its bound of {MaxBytes} bytes; dropped the oldest segment with {Points} points",
                _directory, _maxBytes, oldest.Points);
        }

        var path = Path.Combine(_directory, SpoolSegment.FileName(_nextSequence, batch.Points));
        using (var file = new FileStream(path + ".tmp", FileMode.Create, FileAccess.Write, FileShare.None))
        {
            file.Write(batch.Body);
            file.Flush(flushToDisk: true);
        }

        File.Move(path + ".tmp", path, overwrite: true);
        Enqueue(new SpoolSegment(path, _nextSequence++, batch.Points, batch.Body.Length));
        _stats.Spooled(batch.Points);
    }

    /// <summary>Forgets the oldest segment (sent, dead-lettered or dropped) and deletes its file.</summary>
    public void RemoveOldest()
    {
        var segment = _segments.Dequeue();
        Interlocked.Add(ref _bytes, -segment.Bytes);
        Interlocked.Add(ref _points, -segment.Points);
        File.Delete(segment.Path);
    }

    private void Enqueue(SpoolSegment segment)
    {
        _segments.Enqueue(segment);
        Interlocked.Add(ref _bytes, segment.Bytes);
        Interlocked.Add(ref _points, segment.Points);
    }
}
