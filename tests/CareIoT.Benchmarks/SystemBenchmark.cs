using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Json;
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
    public static async Task RunAsync(bool quick, bool ingestOnly = false)
    {
        var services = new BenchServices();
        var run = Guid.NewGuid().ToString("N")[..6];
        var mattresses = Enumerable.Range(0, 20).Select(i => $"bm{run}-{i:D2}").ToList();
        var buttons = Enumerable.Range(0, quick ? 100 : 300).Select(i => $"bb{run}-{i:D3}").ToList();
        var credentials = services.IssueCredentials([.. mattresses, .. buttons]);
        var perDevice = quick ? 2_500 : 10_000;
        var total = perDevice * mattresses.Count;
        await Task.Delay(1000); // Mosquitto reloads its password file on SIGHUP.
        await PurgeStaleSessionsAsync(services);

        var floor = await FloorAsync(services, mattresses.ToDictionary(m => m, m => credentials[m]), perDevice);
        Console.WriteLine($"{"floor: Mosquitto → 1 MQTTnet subscriber (QoS 1)",-52} {floor,12:N0} msg/s");

        // The peer runs alone (the platform is not started yet), on the same broker, fleet and QoS.
        double? nodeRed = null;
        Percentiles? nodeRedLatency = null;
        await using (var peer = ingestOnly ? null : await NodeRedPeer.StartAsync(services))
        {
            if (peer is not null)
            {
                nodeRed = await peer.ThroughputAsync(mattresses.ToDictionary(m => m, m => credentials[m]), perDevice);
                Console.WriteLine($"{"peer: Node-RED flow (MQTT in → rule → websocket)",-52} {nodeRed,12:N0} msg/s");
                nodeRedLatency = await peer.LatencyAsync(mattresses.ToDictionary(m => m, m => credentials[m]),
                    buttons.Take(buttons.Count / 2).ToDictionary(b => b, b => credentials[b]), 20_000);
                Console.WriteLine($"{"peer: press → websocket under load",-52} p50 {nodeRedLatency.P50,6:F1} ms  p99 {nodeRedLatency.P99,6:F1} ms  n={nodeRedLatency.Count}");
            }
        }

        await using var server = await BenchServer.StartAsync(services, run);
        var rssIdle = server.ResidentMegabytes();
        await RegisterAsync(server, run, mattresses, buttons);
        var ingest = await IngestAsync(server, mattresses.ToDictionary(m => m, m => credentials[m]), perDevice, total);
        Console.WriteLine($"{"ingest: devices → grains → state + InfluxDB (QoS 1)",-52} {ingest,12:N0} msg/s  ({ingest / floor:P0} of the floor)");
        if (ingestOnly)
        {
            Console.WriteLine($"BENCH ingest_msgs_s={ingest:F0} floor_msgs_s={floor:F0} ingest_vs_floor={ingest / floor:F2}");
            return;
        }

        var (latency, load) = await LatencyUnderLoadAsync(server, mattresses.ToDictionary(m => m, m => credentials[m]),
            buttons.Skip(buttons.Count / 2).ToDictionary(b => b, b => credentials[b]), quick);
        Console.WriteLine($"{"press → console under load",-52} p50 {latency.P50,6:F1} ms  p99 {latency.P99,6:F1} ms  max {latency.Max,6:F1} ms  n={latency.Count}  load {load:N0} msg/s");

        var (rss, activated) = await MemoryAsync(server, run, households: 100_000, beds: 50_000);
        Console.WriteLine($"{"memory: idle / with grains active",-52} {rssIdle,8} MB / {rss,6} MB  ({activated:N0} site grains)");
        Console.WriteLine($"BENCH e2e_p50_ms={latency.P50:F1} e2e_p99_ms={latency.P99:F1} ingest_msgs_s={ingest:F0} mosquitto_floor_msgs_s={floor:F0} " +
            $"nodered_msgs_s={(nodeRed is { } n ? n.ToString("F0", System.Globalization.CultureInfo.InvariantCulture) : "n/a")} rss_mb={rss} e2e_load_msgs_s={load:F0} grains={activated} " +
            $"nodered_e2e_p50_ms={nodeRedLatency?.P50:F1} nodered_e2e_p99_ms={nodeRedLatency?.P99:F1} ingest_vs_floor={ingest / floor:F2} ingest_vs_nodered={(nodeRed is { } m ? ingest / m : 0):F2}");
    }

    private static async Task<double> FloorAsync(BenchServices services, Dictionary<string, string> devices, int perDevice)
    {
        var factory = new MqttClientFactory();
        using var subscriber = factory.CreateMqttClient();
        long received = 0;
        var last = 0L;
        subscriber.ApplicationMessageReceivedAsync += _ =>
        {
            Volatile.Write(ref last, Stopwatch.GetTimestamp());
            Interlocked.Increment(ref received);
            return Task.CompletedTask;
        };
        var (user, password) = services.Ingest;
        await subscriber.ConnectAsync(factory.CreateClientOptionsBuilder().WithTcpServer("127.0.0.1", services.PlatformPort).WithClientId($"bench-floor-{Guid.NewGuid():N}")
            .WithCredentials(user, password).WithCleanStart(true).WithProtocolVersion(MQTTnet.Formatter.MqttProtocolVersion.V500).Build());
        await subscriber.SubscribeAsync(factory.CreateSubscribeOptionsBuilder()
            .WithTopicFilter(f => f.WithTopic("careiot/v1/devices/+/+").WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)).Build());
        await using var load = new MqttLoad(devices);
        await load.ConnectAsync();
        var total = perDevice * devices.Count;
        // Same definition as the platform and the peer: from the start of the flood until the consumer has them all.
        var start = Stopwatch.GetTimestamp();
        await load.FloodAsync(perDevice, 100);
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (Interlocked.Read(ref received) < total && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }

        await subscriber.DisconnectAsync();
        return Interlocked.Read(ref received) / Stopwatch.GetElapsedTime(start, Volatile.Read(ref last)).TotalSeconds;
    }

    /// <summary>
    /// Ends the persistent sessions earlier benchmark servers left on the broker (found in its log):
    /// each would otherwise keep queueing a copy of every message and slow every figure of this run.
    /// </summary>
    private static async Task PurgeStaleSessionsAsync(BenchServices services)
    {
        var log = Path.Combine(services.State, "mosquitto", "mosquitto.log");
        var stale = File.Exists(log)
            ? System.Text.RegularExpressions.Regex.Matches(await File.ReadAllTextAsync(log), @"as (careiot-bench-[0-9a-f]{6}(?:-alarms)?) ").Select(m => m.Groups[1].Value).Distinct().ToList()
            : [];
        var factory = new MqttClientFactory();
        var (user, password) = services.Ingest;
        foreach (var id in stale)
        {
            using var client = factory.CreateMqttClient();
            await client.ConnectAsync(factory.CreateClientOptionsBuilder().WithTcpServer("127.0.0.1", services.PlatformPort).WithClientId(id).WithCredentials(user, password)
                .WithCleanStart(true).WithSessionExpiryInterval(0).WithProtocolVersion(MQTTnet.Formatter.MqttProtocolVersion.V500).Build());
            await client.DisconnectAsync();
        }

        Console.WriteLine($"ended {stale.Count} stale benchmark sessions on the broker");
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
        var (serverCpu, machineCpu) = (server.CpuTime(), MachineCpu.Busy());
        using var trace = IngestTrace.Start(server.ProcessId);
        var clock = Stopwatch.StartNew();
        await load.FloodAsync(perDevice, 100);
        while (await server.AcceptedAsync() - before < total && clock.Elapsed < TimeSpan.FromMinutes(3))
        {
            await Task.Delay(100);
        }

        var accepted = await server.AcceptedAsync() - before;
        var serverSeconds = (server.CpuTime() - serverCpu).TotalSeconds;
        var machine = MachineCpu.Busy() - machineCpu;
        Console.WriteLine($"  profile: server {serverSeconds / clock.Elapsed.TotalSeconds:F2} cores ({serverSeconds / accepted * 1e6:F0} µs CPU per message), " +
            $"whole machine {machine / clock.Elapsed.TotalSeconds:F2} of {Environment.ProcessorCount} cores busy");
        return accepted / clock.Elapsed.TotalSeconds;
    }

    private static async Task<(Percentiles Latency, double Load)> LatencyUnderLoadAsync(
        BenchServer server, Dictionary<string, string> mattresses, Dictionary<string, string> buttons, bool quick)
    {
        var seen = new ConcurrentDictionary<string, long>();
        await using var console = new HubConnectionBuilder().WithUrl(new Uri(server.Address, "hubs/dispatch"), o => o.Cookies = server.Cookies).Build();
        // Where the time goes: the alert's RaisedAt is when the server took the press off its MQTT
        // connection, so (seen − RaisedAt) is the server's part and the rest the broker's and the network's.
        var serverPart = new ConcurrentDictionary<string, double>();
        console.On<AlertSeen, long>("AlertChanged", (a, _) =>
        {
            if (seen.TryAdd(a.DeviceId, Stopwatch.GetTimestamp()))
            {
                serverPart[a.DeviceId] = (DateTimeOffset.UtcNow - a.RaisedAt).TotalMilliseconds;
            }
        });
        await console.StartAsync();
        var heard = await server.AcceptedAsync();
        await Presses.HeartbeatAsync(buttons);
        var warm = Stopwatch.StartNew();
        while (await server.AcceptedAsync() - heard < buttons.Count && warm.Elapsed < TimeSpan.FromSeconds(30))
        {
            await Task.Delay(100);
        }

        await using var load = new MqttLoad(mattresses);
        await load.ConnectAsync();
        using var stop = new CancellationTokenSource();
        var pacing = load.PaceAsync(20_000, stop.Token);
        await Task.Delay(TimeSpan.FromSeconds(3));
        var loadStart = (Sent: load.Sent, At: Stopwatch.GetTimestamp());

        var pressedAt = await Presses.SendAsync(buttons, TimeSpan.FromMilliseconds(quick ? 60 : 100));
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

        var inServer = Percentiles.Of([.. serverPart.Values]);
        Console.WriteLine($"  of which in the server (taken off MQTT → console): p50 {inServer.P50:F1} ms  p99 {inServer.P99:F1} ms");
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

    private sealed record AlertSeen(string DeviceId, DateTimeOffset RaisedAt);
}
