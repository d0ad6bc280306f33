using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Json;
using Microsoft.AspNetCore.SignalR.Client;
using MQTTnet;
using MQTTnet.Protocol;

namespace CareIoT.Benchmarks;

/// <summary>
/// The whole system on this machine, in one run: the floor (bare Mosquitto → one MQTTnet subscriber
/// doing nothing, same payloads and QoS); the Node-RED peer, do-nothing and same-job flows; sustained
/// ingest through the real server (grains, state, InfluxDB) and its CPU per message; press → console
/// latency (1,000 presses) at 50 % and 80 % of each system's own measured capacity; and memory with
/// 100,000 households and 50,000 beds registered and their ≈ 400,000 twins active with state.
/// </summary>
public static class SystemBenchmark
{
    private const int PressesPerLevel = 1_000;

    public static async Task RunAsync(bool quick, bool ingestOnly = false, bool memoryOnly = false)
    {
        if (memoryOnly)
        {
            await MemoryAloneAsync(quick);
            return;
        }

        var services = new BenchServices();
        var run = Guid.NewGuid().ToString("N")[..6];
        var mattresses = Enumerable.Range(0, 20).Select(i => $"bm{run}-{i:D2}").ToList();
        // One set of buttons per load level: a button that pressed once has an open alert on the platform.
        var buttons = Enumerable.Range(0, 2 * PressesPerLevel).Select(i => $"bb{run}-{i:D4}").ToList();
        var credentials = services.IssueCredentials([.. mattresses, .. buttons]);
        try
        {
            await RunWithAsync(services, run, quick, ingestOnly, mattresses, buttons, credentials);
        }
        finally
        {
            services.RevokeCredentials([.. mattresses, .. buttons]);
        }
    }

    private static async Task RunWithAsync(BenchServices services, string run, bool quick, bool ingestOnly,
        List<string> mattresses, List<string> buttons, IReadOnlyDictionary<string, string> credentials)
    {
        var fleet = mattresses.ToDictionary(m => m, m => credentials[m]);
        var atHalf = buttons.Take(PressesPerLevel).ToDictionary(b => b, b => credentials[b]);
        var atFourFifths = buttons.Skip(PressesPerLevel).ToDictionary(b => b, b => credentials[b]);
        var perDevice = quick ? 2_500 : 10_000;
        var total = perDevice * mattresses.Count;
        await Task.Delay(1000); // Mosquitto reloads its password file on SIGHUP.
        await PurgeStaleSessionsAsync(services);

        var floor = await FloorAsync(services, fleet, perDevice);
        Console.WriteLine($"{"floor: Mosquitto → 1 MQTTnet subscriber (QoS 1)",-52} {floor,12:N0} msg/s");

        // The peer runs alone (the platform is not started yet), on the same broker, fleet, messages and QoS.
        var peer = ingestOnly ? null : await NodeRedAsync(services, run, fleet, atHalf, atFourFifths, perDevice);

        await using var server = await BenchServer.StartAsync(services, run);
        var rssIdle = server.ResidentMegabytes();
        await RegisterAsync(server, run, mattresses, buttons);
        var (ingest, cpuPerMessage) = await IngestAsync(server, fleet, perDevice, total);
        Console.WriteLine($"{"ingest: devices → grains → state + InfluxDB (QoS 1)",-52} {ingest,12:N0} msg/s  ({ingest / floor:P0} of the floor)");
        // Latency is measured at a steady load, not while InfluxDB still digests the flood.
        using var influx = new BenchInflux(services, run);
        await influx.WaitForAsync("vitals", "heart_rate", total);
        if (ingestOnly)
        {
            Console.WriteLine($"BENCH ingest_msgs_s={ingest:F0} floor_msgs_s={floor:F0} ingest_vs_floor={ingest / floor:F2} cpu_us_per_msg={cpuPerMessage:F0}");
            await influx.DropAsync();
            return;
        }

        var (half, halfLoad) = await LatencyAsync(server, fleet, atHalf, 0.5 * ingest);
        Console.WriteLine($"{"press → console at 50 % of capacity",-52} p50 {half.P50,6:F1} ms  p99 {half.P99,6:F1} ms  max {half.Max,6:F1} ms  n={half.Count}  load {halfLoad:N0} msg/s");
        var (fourFifths, fourFifthsLoad) = await LatencyAsync(server, fleet, atFourFifths, 0.8 * ingest);
        Console.WriteLine($"{"press → console at 80 % of capacity",-52} p50 {fourFifths.P50,6:F1} ms  p99 {fourFifths.P99,6:F1} ms  max {fourFifths.Max,6:F1} ms  n={fourFifths.Count}  load {fourFifthsLoad:N0} msg/s");

        var (grains, rss) = await MemoryAsync(services, server, run, quick, rssIdle);
        await influx.DropAsync();
        string Figure(double? value) => value is { } v ? v.ToString("F1", System.Globalization.CultureInfo.InvariantCulture) : "n/a";
        Console.WriteLine($"BENCH ingest_msgs_s={ingest:F0} floor_msgs_s={floor:F0} nodered_samejob_msgs_s={Figure(peer?.SameJob)} nodered_bare_msgs_s={Figure(peer?.Bare)} " +
            $"cpu_us_per_msg={cpuPerMessage:F0} e2e_p99_ms_at50={half.P99:F1} e2e_p99_ms_at80={fourFifths.P99:F1} nodered_e2e_p99_ms_at80={Figure(peer?.AtFourFifths.P99)} " +
            $"grains={grains} rss_mb={rss}");
    }

    private sealed record PeerFigures(double SameJob, double Bare, Percentiles AtHalf, Percentiles AtFourFifths);

    /// <summary>The do-nothing flow's throughput, then the same-job flow's throughput and latency at 50 % and 80 % of it.</summary>
    private static async Task<PeerFigures?> NodeRedAsync(BenchServices services, string run, Dictionary<string, string> fleet,
        Dictionary<string, string> atHalf, Dictionary<string, string> atFourFifths, int perDevice)
    {
        double bare;
        await using (var peer = await NodeRedPeer.StartAsync(services, sameJob: false, influxDatabase: $"bench_nodered_{run}"))
        {
            if (peer is null)
            {
                return null;
            }

            bare = await peer.ThroughputAsync(fleet, perDevice);
            Console.WriteLine($"{"peer: Node-RED do-nothing flow (MQTT in → press → ws)",-52} {bare,12:N0} msg/s");
        }

        await using var sameJob = (await NodeRedPeer.StartAsync(services, sameJob: true, influxDatabase: $"bench_nodered_{run}"))!;
        var capacity = await sameJob.ThroughputAsync(fleet, perDevice);
        await Task.Delay(1500); // the flow sends its last batch of points within a second
        Console.WriteLine($"{"peer: Node-RED same job (parse, rules, InfluxDB, ws)",-52} {capacity,12:N0} msg/s  ({await sameJob.InfluxPointsAsync():N0} points in InfluxDB)");
        var levels = new List<Percentiles>();
        foreach (var (share, buttons) in new[] { (0.5, atHalf), (0.8, atFourFifths) })
        {
            await using var presses = new Presses(buttons);
            await presses.ConnectAsync();
            var (latency, load) = await sameJob.LatencyAsync(fleet, presses, share * capacity);
            Console.WriteLine($"{$"peer: press → websocket at {share:P0} of its capacity",-52} p50 {latency.P50,6:F1} ms  p99 {latency.P99,6:F1} ms  max {latency.Max,6:F1} ms  n={latency.Count}  load {load:N0} msg/s");
            levels.Add(latency);
        }

        await sameJob.DropDatabaseAsync();
        return new PeerFigures(capacity, bare, levels[0], levels[1]);
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
            ? System.Text.RegularExpressions.Regex.Matches(await File.ReadAllTextAsync(log), @"as (careiot-bench-[0-9a-f]{6}(?:-[a-z]+)?) ").Select(m => m.Groups[1].Value).Distinct().ToList()
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
        var saved = new FileInfo(Path.Combine(services.State, "mosquitto", "mosquitto.db"));
        if (saved.Exists && saved.Length > 1_000_000)
        {
            // Persistent sessions of servers that are not running (the run command's, tests' clusters)
            // keep a queue of every device message, which the broker saves every 5 s: the figures drop.
            Console.WriteLine($"WARNING: the broker's saved state is {saved.Length / 1_000_000} MB: sessions of servers not running queue every message; " +
                "stop the broker, remove its mosquitto.db and start it again for figures of the broker alone");
        }
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

    private static async Task<(double MessagesPerSecond, double CpuMicrosecondsPerMessage)> IngestAsync(BenchServer server, Dictionary<string, string> devices, int perDevice, int total)
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
        return (accepted / clock.Elapsed.TotalSeconds, serverSeconds / accepted * 1e6);
    }

    private static async Task<(Percentiles Latency, double Load)> LatencyAsync(
        BenchServer server, Dictionary<string, string> mattresses, Dictionary<string, string> buttons, double perSecond)
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
        await using var presses = new Presses(buttons);
        await presses.ConnectAsync();
        var heard = await server.AcceptedAsync();
        await presses.HeartbeatAsync();
        var warm = Stopwatch.StartNew();
        while (await server.AcceptedAsync() - heard < buttons.Count && warm.Elapsed < TimeSpan.FromSeconds(30))
        {
            await Task.Delay(100);
        }

        var measured = await LatencyUnderLoad.MeasureAsync(mattresses, presses, perSecond, seen);
        var inServer = Percentiles.Of([.. serverPart.Values]);
        Console.WriteLine($"  of which in the server (taken off MQTT → console): p50 {inServer.P50:F1} ms  p99 {inServer.P99:F1} ms");
        return measured;
    }

    /// <summary>The memory figure alone: a fresh server, the city's twins activated, its resident set.</summary>
    private static async Task MemoryAloneAsync(bool quick)
    {
        var services = new BenchServices();
        var run = Guid.NewGuid().ToString("N")[..6];
        await using var server = await BenchServer.StartAsync(services, run);
        var (grains, rss) = await MemoryAsync(services, server, run, quick, server.ResidentMegabytes());
        Console.WriteLine($"BENCH grains={grains} rss_mb={rss}");
        using var influx = new BenchInflux(services, run);
        await influx.DropAsync();
    }

    private static async Task<(int Grains, long RssMb)> MemoryAsync(BenchServices services, BenchServer server, string run, bool quick, long rssIdle)
    {
        var (households, beds) = quick ? (25_000, 12_500) : (100_000, 50_000);
        var grains = await TwinPopulation.ActivateAsync(services, run, households, beds);
        await Task.Delay(5000); // let the server's own collections run before reading its resident set
        var rss = server.ResidentMegabytes();
        Console.WriteLine($"{"memory: idle / with twins active",-52} {rssIdle,8} MB / {rss,6} MB  ({grains:N0} grains: {households:N0} households, {beds:N0} beds and their devices)");
        HeapDump.CollectIfAsked(server.ProcessId);
        return (grains, rss);
    }

    private sealed record AlertSeen(string DeviceId, DateTimeOffset RaisedAt);
}
