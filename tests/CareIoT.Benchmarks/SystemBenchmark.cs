using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Json;
using CareIoT.DeviceProtocol;
using Microsoft.AspNetCore.SignalR.Client;
using MQTTnet;
using MQTTnet.Protocol;

namespace CareIoT.Benchmarks;

/// <summary>
/// The whole system on this machine, in one run: the floor (bare Mosquitto → one MQTTnet subscriber
/// doing nothing, same payloads and QoS), sustained ingest through the real server (grains, state,
/// InfluxDB), press → SignalR console latency under a steady mattress load, and memory with 100,000
/// household and 50,000 bed grains active.
/// </summary>
public static class SystemBenchmark
{
    public static async Task RunAsync(bool quick)
    {
        var services = new BenchServices();
        var run = Guid.NewGuid().ToString("N")[..6];
        var mattresses = Enumerable.Range(0, 20).Select(i => $"bm{run}-{i:D2}").ToList();
        var buttons = Enumerable.Range(0, quick ? 100 : 300).Select(i => $"bb{run}-{i:D3}").ToList();
        var credentials = services.IssueCredentials([.. mattresses, .. buttons]);
        var perDevice = quick ? 2_500 : 10_000;
        var total = perDevice * mattresses.Count;
        await Task.Delay(1000); // Mosquitto reloads its password file on SIGHUP.

        var floor = await FloorAsync(services, mattresses.ToDictionary(m => m, m => credentials[m]), perDevice);
        Console.WriteLine($"{"floor: Mosquitto → 1 MQTTnet subscriber (QoS 1)",-52} {floor,12:N0} msg/s");

        await using var server = await BenchServer.StartAsync(services, run);
        var rssIdle = server.ResidentMegabytes();
        await RegisterAsync(server, run, mattresses, buttons);
        var ingest = await IngestAsync(server, mattresses.ToDictionary(m => m, m => credentials[m]), perDevice, total);
        Console.WriteLine($"{"ingest: devices → grains → state + InfluxDB (QoS 1)",-52} {ingest,12:N0} msg/s  ({ingest / floor:P0} of the floor)");

        var (latency, load) = await LatencyUnderLoadAsync(server, mattresses.ToDictionary(m => m, m => credentials[m]), buttons.ToDictionary(b => b, b => credentials[b]), quick);
        Console.WriteLine($"{"press → console under load",-52} p50 {latency.P50,6:F1} ms  p99 {latency.P99,6:F1} ms  max {latency.Max,6:F1} ms  n={latency.Count}  load {load:N0} msg/s");

        var (rss, activated) = await MemoryAsync(server, run, households: 100_000, beds: 50_000);
        Console.WriteLine($"{"memory: idle / with grains active",-52} {rssIdle,8} MB / {rss,6} MB  ({activated:N0} site grains)");
        Console.WriteLine($"BENCH e2e_p50_ms={latency.P50:F1} e2e_p99_ms={latency.P99:F1} ingest_msgs_s={ingest:F0} mosquitto_floor_msgs_s={floor:F0} " +
            $"nodered_msgs_s=n/a rss_mb={rss} e2e_load_msgs_s={load:F0} grains={activated}");
    }

    private static async Task<double> FloorAsync(BenchServices services, Dictionary<string, string> devices, int perDevice)
    {
        var factory = new MqttClientFactory();
        using var subscriber = factory.CreateMqttClient();
        long received = 0;
        var first = 0L;
        var last = 0L;
        subscriber.ApplicationMessageReceivedAsync += _ =>
        {
            var now = Stopwatch.GetTimestamp();
            Interlocked.CompareExchange(ref first, now, 0);
            Volatile.Write(ref last, now);
            Interlocked.Increment(ref received);
            return Task.CompletedTask;
        };
        var (user, password) = services.Ingest;
        await subscriber.ConnectAsync(factory.CreateClientOptionsBuilder().WithTcpServer("127.0.0.1", 1883).WithClientId($"bench-floor-{Guid.NewGuid():N}")
            .WithCredentials(user, password).WithCleanStart(true).WithProtocolVersion(MQTTnet.Formatter.MqttProtocolVersion.V500).Build());
        await subscriber.SubscribeAsync(factory.CreateSubscribeOptionsBuilder()
            .WithTopicFilter(f => f.WithTopic("careiot/v1/devices/+/+").WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)).Build());
        await using var load = new MqttLoad(devices);
        await load.ConnectAsync();
        var total = perDevice * devices.Count;
        await load.FloodAsync(perDevice, 100);
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (Interlocked.Read(ref received) < total && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }

        await subscriber.DisconnectAsync();
        return Interlocked.Read(ref received) / Stopwatch.GetElapsedTime(first, last).TotalSeconds;
    }

    private static async Task RegisterAsync(BenchServer server, string run, IReadOnlyList<string> mattresses, IReadOnlyList<string> buttons)
    {
        foreach (var m in mattresses)
        {
            (await server.Http.PutAsJsonAsync($"api/registry/beds/bed-{m}", new { room = "1", label = m })).EnsureSuccessStatusCode();
            (await server.Http.PutAsJsonAsync($"api/registry/devices/{m}", new { kind = "Mattress", bedId = $"bed-{m}" })).EnsureSuccessStatusCode();
        }

        await Parallel.ForEachAsync(buttons, new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (b, ct) =>
        {
            (await server.Http.PutAsJsonAsync($"api/registry/households/hh-{b}", new { elderName = "基准", address = run }, ct)).EnsureSuccessStatusCode();
            (await server.Http.PutAsJsonAsync($"api/registry/devices/{b}", new { kind = "CallButton", householdId = $"hh-{b}" }, ct)).EnsureSuccessStatusCode();
        });
    }

    private static async Task<double> IngestAsync(BenchServer server, Dictionary<string, string> devices, int perDevice, int total)
    {
        await using var load = new MqttLoad(devices);
        await load.ConnectAsync();
        var before = await server.AcceptedAsync();
        var clock = Stopwatch.StartNew();
        await load.FloodAsync(perDevice, 100);
        while (await server.AcceptedAsync() - before < total && clock.Elapsed < TimeSpan.FromMinutes(3))
        {
            await Task.Delay(100);
        }

        return (await server.AcceptedAsync() - before) / clock.Elapsed.TotalSeconds;
    }

    private static async Task<(Percentiles Latency, double Load)> LatencyUnderLoadAsync(
        BenchServer server, Dictionary<string, string> mattresses, Dictionary<string, string> buttons, bool quick)
    {
        var seen = new ConcurrentDictionary<string, long>();
        await using var console = new HubConnectionBuilder().WithUrl(new Uri(server.Address, "hubs/dispatch"), o => o.Cookies = server.Cookies).Build();
        console.On<AlertSeen>("AlertChanged", a => seen.TryAdd(a.DeviceId, Stopwatch.GetTimestamp()));
        await console.StartAsync();
        await using var load = new MqttLoad(mattresses);
        await load.ConnectAsync();
        using var stop = new CancellationTokenSource();
        var pacing = load.PaceAsync(20_000, stop.Token);
        await Task.Delay(TimeSpan.FromSeconds(3));
        var loadStart = (Sent: load.Sent, At: Stopwatch.GetTimestamp());

        var factory = new MqttClientFactory();
        var pressedAt = new Dictionary<string, long>();
        foreach (var (button, password) in buttons)
        {
            using var client = factory.CreateMqttClient();
            await client.ConnectAsync(factory.CreateClientOptionsBuilder().WithTcpServer("127.0.0.1", 1883).WithClientId($"bench-{button}")
                .WithCredentials(button, password).WithCleanStart(true).WithProtocolVersion(MQTTnet.Formatter.MqttProtocolVersion.V500).Build());
            var payload = DevicePayloadJson.Serialize(new DevicePayload { Id = Guid.NewGuid().ToString("N"), Ts = DateTimeOffset.UtcNow, Type = MessageTypes.Press });
            pressedAt[button] = Stopwatch.GetTimestamp();
            await client.PublishAsync(new MqttApplicationMessageBuilder().WithTopic(DeviceTopics.For(button, MessageTypes.Press))
                .WithPayload(payload).WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce).Build());
            await client.DisconnectAsync();
            await Task.Delay(quick ? 60 : 100);
        }

        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (seen.Count < buttons.Count && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }

        var loadRate = (load.Sent - loadStart.Sent) / Stopwatch.GetElapsedTime(loadStart.At).TotalSeconds;
        await stop.CancelAsync();
        await pacing;
        var latencies = pressedAt.Where(p => seen.ContainsKey(p.Key)).Select(p => Stopwatch.GetElapsedTime(p.Value, seen[p.Key]).TotalMilliseconds).ToList();
        if (latencies.Count < buttons.Count)
        {
            Console.WriteLine($"WARNING: {buttons.Count - latencies.Count} presses did not reach the console within 30 s");
        }

        return (Percentiles.Of(latencies), loadRate);
    }

    private static async Task<(long RssMb, int Activated)> MemoryAsync(BenchServer server, string run, int households, int beds)
    {
        var paths = Enumerable.Range(0, households).Select(i => $"api/sites/households/mem{run}-{i}/alerts")
            .Concat(Enumerable.Range(0, beds).Select(i => $"api/sites/beds/mem{run}-{i}/alerts"));
        var activated = 0;
        await Parallel.ForEachAsync(paths, new ParallelOptions { MaxDegreeOfParallelism = 64 }, async (path, ct) =>
        {
            (await server.Http.GetAsync(path, ct)).EnsureSuccessStatusCode();
            Interlocked.Increment(ref activated);
        });
        GC.Collect();
        await Task.Delay(2000);
        return (server.ResidentMegabytes(), activated);
    }

    private sealed record AlertSeen(string DeviceId);
}
