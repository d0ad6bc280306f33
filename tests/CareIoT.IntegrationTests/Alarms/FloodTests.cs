using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using CareIoT.Dc09;
using Xunit.Abstractions;

namespace CareIoT.IntegrationTests;

/// <summary>
/// Bounded floods on loopback against the real host: the DC-09 listener past its connection limit
/// with garbage and half-sent frames, and a burst of API calls. The host keeps answering its health
/// endpoint, a real panel is still acknowledged and a real press still reaches the console.
/// </summary>
[Collection(CareIoTHostCollection.Name)]
public sealed class FloodTests(CareIoTHostFixture host, ITestOutputHelper output)
{
    private const int Connections = 700; // above the receiver's default limit of 512
    private static readonly TimeSpan FloodFor = TimeSpan.FromSeconds(6);

    [Fact]
    public async Task TheHostKeepsAnsweringThroughAPanelConnectionFloodAndARealPanelIsStillHeard()
    {
        using var api = new CareIoTApi(host.Server.BaseAddress);
        var (_, account) = await api.BindPanelAsync();
        var before = await api.PanelStatsAsync();
        using var stop = new CancellationTokenSource(FloodFor);

        var flood = Task.WhenAll(Enumerable.Range(0, Connections).Select(i => HoldConnectionAsync(i, stop.Token)));
        var health = await HealthWhileAsync(stop.Token);
        await flood;

        var after = await api.PanelStatsAsync();
        var refused = after.GetValueOrDefault("connections.refused") - before.GetValueOrDefault("connections.refused");
        var garbage = after.GetValueOrDefault("garbage_bytes") - before.GetValueOrDefault("garbage_bytes");
        output.WriteLine($"{Connections} connections for {FloodFor.TotalSeconds} s: {refused} refused at the limit, {garbage:N0} garbage bytes discarded; " +
            $"health {health.Ok}/{health.Count} ok, p50 {health.P50:F1} ms, p99 {health.P99:F1} ms, max {health.Max:F1} ms");
        Assert.Equal(health.Count, health.Ok);
        Assert.True(health.Count >= 20, $"only {health.Count} health checks in {FloodFor}");
        Assert.True(refused > 0, "the connection limit never applied");
        Assert.True(garbage > 0);
        var dialler = new PanelDialler(host.PanelPort);
        var answer = await dialler.SendTcpAsync(dialler.Encode(new Dc09Frame(Dc09Token.Null, false, 1, null, null, account, "", [], null)));
        Assert.Equal(Dc09Token.Ack, answer?.Token);
    }

    [Fact]
    public async Task TheHostKeepsAnsweringThroughABurstOfApiCallsAndAPressStillArrives()
    {
        using var api = new CareIoTApi(host.Server.BaseAddress);
        var (_, device) = await api.RegisterHouseholdWithCallButtonAsync();
        await using var console = new ConsoleClient(host.Server.BaseAddress);
        await console.ConnectAsync();
        // A user of its own, with a whole minute's budget: the flood lasts at least FloodFor and until
        // the limit has answered 429 (a minute's budget is spent in seconds), at most 60 s.
        using var flooder = await api.AsNewUserAsync($"flood-{Guid.NewGuid():N}"[..20], "dispatcher");
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var clock = Stopwatch.StartNew();
        var (calls, limited) = (0L, 0L);
        var burst = Task.WhenAll(Enumerable.Range(0, 64).Select(async _ =>
        {
            while (!stop.IsCancellationRequested)
            {
                using var response = await flooder.Http.GetAsync("api/alerts/open", CancellationToken.None);
                Interlocked.Increment(ref calls);
                if (response.StatusCode == HttpStatusCode.TooManyRequests)
                {
                    Interlocked.Increment(ref limited);
                }

                if (Interlocked.Read(ref limited) > 0 && clock.Elapsed >= FloodFor)
                {
                    await stop.CancelAsync();
                }
            }
        }));

        var health = await HealthWhileAsync(stop.Token, async () =>
        {
            await using var button = await host.ConnectDeviceAsync(device);
            await button.PressAsync(device);
        });
        await burst;
        var (alert, _) = await console.WaitForAsync(a => a.DeviceId == device, TimeSpan.FromSeconds(15));

        output.WriteLine($"{calls:N0} API calls in {clock.Elapsed.TotalSeconds:F1} s from 64 clients of one user, {limited:N0} of them refused by the rate limit (429); " +
            $"health {health.Ok}/{health.Count} ok, p50 {health.P50:F1} ms, p99 {health.P99:F1} ms");
        Assert.Equal(health.Count, health.Ok);
        Assert.True(limited > 0, "one user's flood was never limited");
        Assert.Equal("PersonalEmergency", alert.Cause);
    }

    private async Task HoldConnectionAsync(int index, CancellationToken stop)
    {
        using var client = new TcpClient();
        try
        {
            await client.ConnectAsync(IPAddress.Loopback, host.PanelPort, stop);
            var stream = client.GetStream();
            var junk = new byte[256];
            Random.Shared.NextBytes(junk);
            junk[0] = (byte)'\n'; // looks like the start of a frame, never ends: a half-sent frame held open
            while (!stop.IsCancellationRequested)
            {
                await stream.WriteAsync(index % 2 == 0 ? junk : junk.AsMemory(1), stop);
                await Task.Delay(100, stop);
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or IOException or SocketException)
        {
            // Refused at the limit, closed by the receiver, or the flood's time is up.
        }
    }

    private async Task<HealthFigures> HealthWhileAsync(CancellationToken stop, Func<Task>? meanwhile = null)
    {
        using var http = new HttpClient { BaseAddress = host.Server.BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var times = new List<double>();
        var ok = 0;
        var side = meanwhile?.Invoke() ?? Task.CompletedTask;
        while (!stop.IsCancellationRequested)
        {
            var clock = Stopwatch.StartNew();
            try
            {
                using var response = await http.GetAsync("health", CancellationToken.None);
                ok += response.IsSuccessStatusCode ? 1 : 0;
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
            }

            times.Add(clock.Elapsed.TotalMilliseconds);
            await Task.Delay(100, CancellationToken.None);
        }

        await side;
        times.Sort();
        return new HealthFigures(times.Count, ok, times[times.Count / 2], times[(int)Math.Min(times.Count - 1, Math.Ceiling(times.Count * 0.99) - 1)], times[^1]);
    }

    private sealed record HealthFigures(int Count, int Ok, double P50, double P99, double Max);
}
