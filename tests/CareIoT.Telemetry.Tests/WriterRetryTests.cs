using System.Net;
using Microsoft.Extensions.Logging;

namespace CareIoT.Telemetry.Tests;

public sealed class WriterRetryTests : IAsyncLifetime
{
    // Zero back-off: the retry policy is under test here, the delays in BackoffTests.
    private readonly WriterHarness _harness = new(o =>
    {
        o.MaxRetries = 3;
        o.InitialBackoff = TimeSpan.Zero;
    });

    [Fact]
    public async Task ServiceUnavailableIsRetriedUntilItSucceeds()
    {
        _harness.Handler.Then(HttpStatusCode.ServiceUnavailable).Then(HttpStatusCode.ServiceUnavailable);
        var writer = _harness.NewWriter();
        writer.Write(Points.Numbered(0));
        await writer.FlushAsync();

        var requests = _harness.Handler.Requests;
        Assert.Equal(3, requests.Count);
        Assert.All(requests, r => Assert.Equal(requests[0].Body, r.Body));
        Assert.Equal(1, writer.Counters.PointsWritten);
        Assert.Equal(0, writer.Counters.PointsSpooled);
    }

    [Fact]
    public async Task RequestThatTimesOutIsRetried()
    {
        _harness.Options.RequestTimeout = TimeSpan.FromSeconds(5);
        _harness.Handler.Then(async (_, cancellationToken) =>
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
            throw new InvalidOperationException("unreachable");
        });
        var writer = _harness.NewWriter();
        writer.Write(Points.Numbered(0));
        var flushed = writer.FlushAsync();

        await _harness.Handler.NextAsync();
        _harness.Time.Advance(TimeSpan.FromSeconds(5));
        await flushed.WaitAsync(RecordingHandler.Patience);

        Assert.Equal(2, _harness.Handler.Requests.Count);
        Assert.Equal(1, writer.Counters.PointsWritten);
    }

    [Fact]
    public async Task BadRequestDeadLettersTheBatchWithoutRetrying()
    {
        const string error = "partial write: field type conflict: input field \"n\" on measurement \"vitals\" is type float, already exists as type integer dropped=3";
        _harness.Handler.Then(HttpStatusCode.BadRequest, $$"""{"error":{{System.Text.Json.JsonSerializer.Serialize(error)}}}""");
        var writer = _harness.NewWriter();
        foreach (var point in Points.Numbered(0, 3))
        {
            writer.Write(point);
        }

        await writer.FlushAsync();

        Assert.Single(_harness.Handler.Requests);
        Assert.Equal(3, writer.Counters.LinesDeadLettered);
        Assert.Equal(0, writer.Counters.PointsWritten);
        var deadLetters = File.ReadAllLines(_harness.DeadLetterFile);
        Assert.StartsWith("# ", deadLetters[0], StringComparison.Ordinal);
        Assert.Contains("HTTP 400: " + error, deadLetters[0], StringComparison.Ordinal);
        Assert.Equal(Points.Numbered(0, 3).Select(LineProtocol.Format), deadLetters[1..]);
        Assert.True(_harness.Logger.Logged(LogLevel.Error, "rejected 3 of 3 lines"));
    }

    [Fact]
    public async Task BadRequestNamingOneLineDeadLettersOnlyThatLine()
    {
        _harness.Handler.Then((request, _) =>
        {
            var bad = request.Lines[1];
            var json = System.Text.Json.JsonSerializer.Serialize(new { error = $"partial write: unable to parse '{bad}': invalid field format dropped=0" });
            return Task.FromResult(RecordingHandler.Answer(HttpStatusCode.BadRequest, json));
        });
        var writer = _harness.NewWriter();
        foreach (var point in Points.Numbered(0, 3))
        {
            writer.Write(point);
        }

        await writer.FlushAsync();

        Assert.Equal(1, writer.Counters.LinesDeadLettered);
        Assert.Equal(2, writer.Counters.PointsWritten);
        Assert.Equal([LineProtocol.Format(Points.Numbered(1))], File.ReadAllLines(_harness.DeadLetterFile)[1..]);
    }

    [Fact]
    public async Task WriterKeepsWorkingAfterABadRequest()
    {
        _harness.Handler.Then(HttpStatusCode.BadRequest, """{"error":"unable to parse 'x': bad"}""");
        var writer = _harness.NewWriter();
        foreach (var point in Points.Numbered(0, 6))
        {
            writer.Write(point);
        }

        await writer.FlushAsync();

        Assert.Equal(2, _harness.Handler.Requests.Count);
        Assert.Equal(3, writer.Counters.LinesDeadLettered);
        Assert.Equal(3, writer.Counters.PointsWritten);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => _harness.DisposeAsync().AsTask();
}
