using System.Net;
using System.Net.Sockets;

namespace CareIoT.Telemetry.Tests.Integration;

[Collection(InfluxCollection.Name)]
[Trait("Category", "Integration")]
public sealed class InfluxRestartBackfillTests(InfluxFixture influx)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);
    private static readonly DateTimeOffset Start = new(2025, 3, 1, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task PointsWrittenWhileInfluxdIsStoppedAreBackFilledInOrderAfterItRestarts()
    {
        // Stop only an influxd this run started: the fixture's, or else one of this test's own.
        var own = influx.StartedByUs ? null : new InfluxService(Path.Combine(TestPaths.StateDirectory, "telemetry-restart-" + Guid.NewGuid().ToString("N")[..8]), FreePort());
        var service = own ?? influx.Service;
        if (own is not null)
        {
            await own.StartAsync();
        }

        try
        {
            await RunAsync(service);
        }
        finally
        {
            if (own is not null)
            {
                await own.StopAsync();
                Directory.Delete(own.StateDirectory, recursive: true);
            }
        }
    }

    private static async Task RunAsync(InfluxService service)
    {
        using var recorder = new OrderRecorder();
        using var http = new HttpClient(recorder) { Timeout = Timeout.InfiniteTimeSpan };
        await using var database = await InfluxDatabase.CreateAsync(http, service.ReadUrl());
        await using var writer = database.NewWriter(http);
        using var stop = new CancellationTokenSource();
        var produced = 0;
        var producer = Task.Run(async () =>
        {
            // About 20,000 points a second, in bursts of 100 every 5 ms, until told to stop: a traffic rate, not a wait.
            using var pace = new PeriodicTimer(TimeSpan.FromMilliseconds(5));
            while (!stop.IsCancellationRequested)
            {
                for (var i = 0; i < 100; i++)
                {
                    writer.Write(Numbered(produced));
                    produced++;
                }

                await pace.WaitForNextTickAsync();
            }
        });

        await Until(() => writer.Counters.PointsWritten >= 5_000);
        await service.StopAsync();
        await Until(() => writer.Counters.SpoolPoints >= 5_000);
        Assert.True(await service.StartAsync());
        var afterRestart = Volatile.Read(ref produced) + 5_000;
        await Until(() => Volatile.Read(ref produced) >= afterRestart);
        await stop.CancelAsync();
        await producer;
        await writer.FlushAsync();

        var counters = writer.Counters;
        Assert.Equal(produced, counters.PointsAccepted);
        Assert.Equal(produced, counters.PointsWritten);
        Assert.Equal(0, counters.SpoolPoints);
        Assert.True(counters.PointsBackfilled >= 5_000, $"back-filled {counters.PointsBackfilled}");
        Assert.Equal(produced, await database.CountAsync("vitals", "n"));
        var expected = Enumerable.Range(0, produced).Select(n => LineProtocol.ToUnixNanoseconds(Numbered(n).Timestamp));
        Assert.Equal(expected, recorder.Accepted);
        foreach (var n in new[] { 0, produced / 3, produced / 2, produced - 1 })
        {
            var row = Assert.Single(await database.Query.QuerySeriesAsync($"SELECT n, bed FROM vitals WHERE time = {LineProtocol.ToUnixNanoseconds(Numbered(n).Timestamp)}"));
            Assert.Equal((long)n, row.Value(0, "n"));
            Assert.Equal($"B{n % 7}", row.Value(0, "bed"));
        }
    }

    private static LinePoint Numbered(int n) => new(
        "vitals",
        new Dictionary<string, string> { ["bed"] = $"B{n % 7}" },
        new Dictionary<string, FieldValue> { ["n"] = n },
        Start.AddTicks(n * 1000L));

    private static async Task Until(Func<bool> condition)
    {
        // The writer's counters have no change event: poll them every 20 ms up to the patience.
        var deadline = DateTime.UtcNow + Patience;
        using var poll = new PeriodicTimer(TimeSpan.FromMilliseconds(20));
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "the condition did not hold in time");
            await poll.WaitForNextTickAsync();
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
