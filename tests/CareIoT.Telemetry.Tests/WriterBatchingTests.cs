namespace CareIoT.Telemetry.Tests;

public sealed class WriterBatchingTests : IAsyncLifetime
{
    private readonly WriterHarness _harness = new(o => o.BatchSize = 3);

    [Fact]
    public async Task FullBatchIsSentWithoutWaitingForTheFlushInterval()
    {
        var writer = _harness.NewWriter();
        foreach (var point in Points.Numbered(0, 7))
        {
            writer.Write(point);
        }

        var first = await _harness.Handler.NextAsync();
        var second = await _harness.Handler.NextAsync();

        Assert.Equal([0, 1, 2], Points.NumbersIn(first.Lines));
        Assert.Equal([3, 4, 5], Points.NumbersIn(second.Lines));
        Assert.Equal(2, _harness.Handler.Requests.Count);
    }

    [Fact]
    public async Task PartialBatchIsSentOnceTheFlushIntervalPasses()
    {
        var writer = _harness.NewWriter();
        writer.Write(Points.Numbered(0));
        writer.Write(Points.Numbered(1));
        Assert.Empty(_harness.Handler.Requests);

        _harness.Time.Advance(_harness.Options.FlushInterval);
        var request = await _harness.Handler.NextAsync();

        Assert.Equal([0, 1], Points.NumbersIn(request.Lines));
    }

    [Fact]
    public async Task RequestsGoGzippedToTheV1WriteEndpointWithNanosecondPrecision()
    {
        _harness.Options.RetentionPolicy = "one week";
        var writer = _harness.NewWriter();
        writer.Write(Points.Numbered(0));
        await writer.FlushAsync();

        var request = Assert.Single(_harness.Handler.Requests);
        Assert.Equal(HttpMethod.Post, request.Method);
        Assert.Equal("http://influx.test:8086/write?db=careiot&rp=one%20week&precision=ns", request.Uri.AbsoluteUri);
        Assert.Equal("gzip", request.ContentEncoding);
        Assert.Equal(LineProtocol.Format(Points.Numbered(0)) + "\n", request.Body);
        Assert.Null(request.Authorization);
    }

    [Fact]
    public async Task TokenIsSentAsATokenAuthorization()
    {
        _harness.Options.Token = "s3cret";
        _harness.Options.Username = "ignored";
        var writer = _harness.NewWriter();
        writer.Write(Points.Numbered(0));
        await writer.FlushAsync();

        Assert.Equal("Token s3cret", Assert.Single(_harness.Handler.Requests).Authorization);
    }

    [Fact]
    public async Task UsernameAndPasswordAreSentAsBasicAuthenticationNotInTheUrl()
    {
        _harness.Options.Username = "careiot";
        _harness.Options.Password = "pw";
        var writer = _harness.NewWriter();
        writer.Write(Points.Numbered(0));
        await writer.FlushAsync();

        var request = Assert.Single(_harness.Handler.Requests);
        Assert.Equal("Basic " + Convert.ToBase64String("careiot:pw"u8.ToArray()), request.Authorization);
        Assert.DoesNotContain("pw", request.Uri.Query, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WriteReturnsWhileTheServerHasNotAnswered()
    {
        var answer = new TaskCompletionSource();
        _harness.Handler.Always(async (_, _) =>
        {
            await answer.Task;
            return RecordingHandler.Answer(System.Net.HttpStatusCode.NoContent);
        });
        var writer = _harness.NewWriter();

        // Thirty batches' worth while the first request hangs: Write must not wait for it.
        await Task.Run(() =>
        {
            foreach (var point in Points.Numbered(0, 90))
            {
                writer.Write(point);
            }
        }).WaitAsync(RecordingHandler.Patience);
        await _harness.Handler.NextAsync();
        answer.SetResult();
        await writer.FlushAsync();

        Assert.Equal(90, writer.Counters.PointsWritten);
    }

    [Fact]
    public async Task ConcurrentWritersLoseNoPoint()
    {
        var writer = _harness.NewWriter();

        Parallel.For(0, 8, thread =>
        {
            foreach (var point in Points.Numbered(thread * 1000, 1000))
            {
                writer.Write(point);
            }
        });
        await writer.FlushAsync();

        var numbers = Points.NumbersIn(_harness.Handler.Requests.SelectMany(r => r.Lines)).Order();
        Assert.Equal(Enumerable.Range(0, 8000), numbers);
        Assert.Equal(new InfluxWriterCounters(8000, 8000, 0, 0, 0, 0, 0, 0), writer.Counters);
    }

    [Fact]
    public async Task DisposeSendsWhatIsBuffered()
    {
        var writer = _harness.NewWriter();
        writer.Write(Points.Numbered(0));
        writer.Write(Points.Numbered(1));

        await writer.DisposeAsync();

        Assert.Equal([0, 1], Points.NumbersIn(Assert.Single(_harness.Handler.Requests).Lines));
        Assert.Throws<ObjectDisposedException>(() => writer.Write(Points.Numbered(2)));
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => _harness.DisposeAsync().AsTask();
}
