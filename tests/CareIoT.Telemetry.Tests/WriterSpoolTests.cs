using System.IO.Compression;
using Microsoft.Extensions.Logging;

namespace CareIoT.Telemetry.Tests;

/// <summary>
/// No retries and a one-minute back-off that fake time never reaches: batches that fail go to the
/// spool at once, and only a flush back-fills it, so every step is deterministic.
/// </summary>
public sealed class WriterSpoolTests : IAsyncLifetime
{
    private readonly WriterHarness _harness = new(o => o.BatchSize = 2);

    [Fact]
    public async Task BatchesGoToTheSpoolWhileTheServerRefusesConnections()
    {
        _harness.Handler.AlwaysRefuse();
        var writer = _harness.NewWriter();
        WriteNumbered(writer, 0, 6);
        await writer.FlushAsync();

        var counters = writer.Counters;
        Assert.Equal(6, counters.PointsSpooled);
        Assert.Equal(6, counters.SpoolPoints);
        Assert.Equal(0, counters.PointsWritten);
        Assert.Equal(3, _harness.SpoolFiles.Count());
        Assert.Equal(counters.SpoolBytes, _harness.SpoolFiles.Sum(f => new FileInfo(f).Length));
        // The first batch's attempt and the flush's one back-fill attempt; the others waited behind the spool.
        Assert.Equal(2, _harness.Handler.Requests.Count);
        Assert.True(_harness.Logger.Logged(LogLevel.Warning, "spooling"));
    }

    [Fact]
    public async Task SpoolIsBackFilledOldestFirstAndBeforeNewerPoints()
    {
        _harness.Handler.AlwaysRefuse();
        var writer = _harness.NewWriter();
        WriteNumbered(writer, 0, 6);
        await writer.FlushAsync();

        _harness.Handler.AlwaysAccept();
        WriteNumbered(writer, 6, 2);
        await writer.FlushAsync();

        Assert.Equal(Enumerable.Range(0, 8), Points.NumbersIn(_harness.Handler.Accepted.SelectMany(r => r.Lines)));
        Assert.Equal(new InfluxWriterCounters(8, 8, 8, 8, 0, 0, 0, 0), writer.Counters);
        Assert.Empty(_harness.SpoolFiles);
    }

    [Fact]
    public async Task SpoolLeftByAnEarlierWriterIsSentBeforeTheNewWritersPoints()
    {
        _harness.Handler.AlwaysRefuse();
        var earlier = _harness.NewWriter();
        WriteNumbered(earlier, 0, 5);
        await earlier.DisposeAsync();
        Assert.Equal(5, earlier.Counters.SpoolPoints);

        _harness.Handler.AlwaysAccept();
        var later = _harness.NewWriter();
        WriteNumbered(later, 5, 2);
        await later.FlushAsync();

        Assert.Equal(Enumerable.Range(0, 7), Points.NumbersIn(_harness.Handler.Accepted.SelectMany(r => r.Lines)));
        Assert.Equal(5, later.Counters.PointsBackfilled);
    }

    [Fact]
    public async Task SpoolAtItsBoundDropsTheOldestSegmentAndCountsIt()
    {
        // One point per segment; room for two segments of these points, never three.
        _harness.Options.BatchSize = 1;
        var sizes = Enumerable.Range(0, 5).Select(SegmentBytes).ToList();
        _harness.Options.SpoolMaxBytes = (2 * sizes.Max()) + (sizes.Min() / 2);
        _harness.Handler.AlwaysRefuse();
        var writer = _harness.NewWriter();
        WriteNumbered(writer, 0, 5);
        await writer.FlushAsync();

        Assert.Equal(3, writer.Counters.PointsDropped);
        Assert.Equal(2, writer.Counters.SpoolPoints);
        Assert.True(_harness.Logger.Logged(LogLevel.Warning, $"reached its bound of {_harness.Options.SpoolMaxBytes} bytes"));

        _harness.Handler.AlwaysAccept();
        await writer.FlushAsync();
        Assert.Equal([3, 4], Points.NumbersIn(_harness.Handler.Accepted.SelectMany(r => r.Lines)));
        var counters = writer.Counters;
        Assert.Equal(counters.PointsAccepted, counters.PointsWritten + counters.PointsDropped + counters.LinesDeadLettered + counters.SpoolPoints);
    }

    [Fact]
    public async Task DisposeSpoolsWhatCannotBeSentWithoutWaitingForRetries()
    {
        _harness.Options.MaxRetries = 10;
        _harness.Options.BatchSize = 100;
        _harness.Handler.AlwaysRefuse();
        var writer = _harness.NewWriter();
        WriteNumbered(writer, 0, 3);

        await writer.DisposeAsync().AsTask().WaitAsync(RecordingHandler.Patience);

        Assert.Single(_harness.Handler.Requests);
        Assert.Equal(3, writer.Counters.SpoolPoints);
        var segment = Assert.Single(_harness.SpoolFiles);
        Assert.EndsWith(".3.lp.gz", segment, StringComparison.Ordinal);
        using var reader = new StreamReader(new GZipStream(File.OpenRead(segment), CompressionMode.Decompress));
        Assert.Equal(string.Concat(Points.Numbered(0, 3).Select(p => LineProtocol.Format(p) + "\n")), await reader.ReadToEndAsync());
    }

    private static void WriteNumbered(InfluxLineWriter writer, int from, int count)
    {
        foreach (var point in Points.Numbered(from, count))
        {
            writer.Write(point);
        }
    }

    private int SegmentBytes(int n)
    {
        var builder = new BatchBuilder(_harness.Options.Compression);
        builder.Add(Points.Numbered(n));
        return builder.Take()!.Body.Length;
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => _harness.DisposeAsync().AsTask();
}
