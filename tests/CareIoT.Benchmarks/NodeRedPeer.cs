using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace CareIoT.Benchmarks;

/// <summary>
/// The peer: Node-RED (npm node-red 4.1.8 on the system Node, installed under deploy/nodered) as one
/// of two flows, deployed through its admin API so the broker credentials are kept as Node-RED
/// credentials. The same-job flow (flow-samejob.json) does CareIoT's work: MQTT in at QoS 1, every
/// message parsed and checked, per-device state with a vitals-out-of-range and a bed-exit rule, every
/// reading written to InfluxDB in batches (node-red-contrib-influxdb), alarms to a websocket. The
/// do-nothing flow (flow-bare.json) parses and keeps only presses, for a second line.
/// </summary>
public sealed class NodeRedPeer : IAsyncDisposable
{
    private const int Port = 1880;
    private readonly Process _process;
    private readonly HttpClient _http = new() { BaseAddress = new Uri($"http://127.0.0.1:{Port}/") };

    private NodeRedPeer(Process process) => _process = process;

    /// <summary>The InfluxDB database of the same-job flow unless the caller names one.</summary>
    public const string DefaultInfluxDatabase = "careiot_nodered";

    /// <summary>The InfluxDB 1.x the same-job flow writes to (null for the bare flow).</summary>
    private Uri? _influx;

    /// <summary>The database the same-job flow writes its points to (null for the bare flow).</summary>
    private string? _influxDatabase;

    /// <summary>
    /// Starts Node-RED and deploys one of the two flows: <paramref name="sameJob"/> the job CareIoT does
    /// (deploy/nodered/flow-samejob.json: parse every message, per-device state and rules, every reading to
    /// InfluxDB, alarms to the websocket), otherwise the do-nothing line (flow-bare.json: count, parse, the
    /// call-button rule). For the same job the database <paramref name="influxDatabase"/> is created on
    /// <see cref="BenchServices.InfluxUrl"/> first and the flow's influxdb config node pointed at it.
    /// Null when Node-RED is not installed.
    /// </summary>
    public static async Task<NodeRedPeer?> StartAsync(BenchServices services, bool sameJob = false, string influxDatabase = DefaultInfluxDatabase)
    {
        ArgumentNullException.ThrowIfNull(services);
        if (!System.Text.RegularExpressions.Regex.IsMatch(influxDatabase, "^[A-Za-z0-9_]{1,64}$"))
        {
            throw new ArgumentException($"'{influxDatabase}' is not a plain InfluxDB database name", nameof(influxDatabase));
        }

        var home = Path.Combine(services.Repository, "deploy", "nodered");
        if (!File.Exists(Path.Combine(home, "node_modules", "node-red", "red.js")))
        {
            Console.WriteLine("Node-RED is not installed (deploy/bench.sh installs it with npm); the peer is skipped");
            return null;
        }

        using (var probe = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{Port}/"), Timeout = TimeSpan.FromSeconds(2) })
        {
            try
            {
                await probe.GetAsync("flows");
                // Another Node-RED (an earlier run killed before it could stop its peer) would take our deploys and figures.
                throw new InvalidOperationException($"something already answers on 127.0.0.1:{Port}; stop that Node-RED first");
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }
        }

        var userDir = Directory.CreateTempSubdirectory("careiot-nodered-").FullName;
        var start = new ProcessStartInfo("node") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { Path.Combine(home, "node_modules", "node-red", "red.js"), "--settings", Path.Combine(home, "settings.js"), "--userDir", userDir })
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["NODERED_PORT"] = Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var peer = new NodeRedPeer(Process.Start(start)!);
        // A benchmark stopped by a signal does not reach DisposeAsync: take the peer down with it.
        AppDomain.CurrentDomain.ProcessExit += (_, _) => peer.KillIfRunning();
        peer._process.OutputDataReceived += (_, _) => { };
        peer._process.ErrorDataReceived += (_, _) => { };
        peer._process.BeginOutputReadLine();
        peer._process.BeginErrorReadLine();
        for (var i = 0; i < 120 && !await peer.AnswersAsync("flows"); i++)
        {
            await Task.Delay(500);
        }

        var flow = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(home, sameJob ? "flow-samejob.json" : "flow-bare.json")))!.AsArray();
        var (user, password) = services.Ingest;
        var broker = flow.Single(n => (string?)n!["type"] == "mqtt-broker")!;
        broker["credentials"] = new JsonObject { ["user"] = user, ["password"] = password };
        broker["port"] = services.PlatformPort.ToString(System.Globalization.CultureInfo.InvariantCulture);
        broker["clientid"] = $"careiot-nodered-bench-{Guid.NewGuid():N}"; // never taken over by another run's peer
        if (sameJob)
        {
            peer._influx = new Uri(services.InfluxUrl);
            peer._influxDatabase = influxDatabase;
            await peer.InfluxQueryAsync($"CREATE DATABASE \"{influxDatabase}\"");
            var influx = flow.Single(n => (string?)n!["type"] == "influxdb")!;
            influx["hostname"] = peer._influx.Host;
            influx["port"] = peer._influx.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
            influx["usetls"] = peer._influx.Scheme == Uri.UriSchemeHttps;
            influx["database"] = influxDatabase;
        }

        using var deploy = new HttpRequestMessage(HttpMethod.Post, "flows") { Content = new StringContent(flow.ToJsonString(), Encoding.UTF8, "application/json") };
        deploy.Headers.Add("Node-RED-Deployment-Type", "full");
        (await peer._http.SendAsync(deploy)).EnsureSuccessStatusCode();
        await Task.Delay(3000); // the MQTT node connects and subscribes
        return peer;
    }

    /// <summary>
    /// The flow's counters: messages received, InfluxDB points handed to the write node (same-job flow;
    /// batches leave within 1 s), messages dropped as unreadable, and points in writes InfluxDB refused.
    /// </summary>
    public async Task<FlowStats> StatsAsync()
    {
        var stats = JsonDocument.Parse(await _http.GetStringAsync("stats")).RootElement;
        long Count(string name) => stats.TryGetProperty(name, out var value) ? value.GetInt64() : 0;
        return new FlowStats(Count("received"), Count("written"), Count("deadLetters"), Count("writeFailed"));
    }

    /// <summary>The vitals readings in the same-job flow's database (<c>SELECT count(heartRate) FROM vitals</c>).</summary>
    public async Task<long> InfluxPointsAsync()
    {
        var result = await InfluxQueryAsync("SELECT count(heartRate) FROM vitals");
        return result.TryGetProperty("series", out var series) ? series[0].GetProperty("values")[0][1].GetInt64() : 0;
    }

    /// <summary>Drops the same-job flow's database (nothing for the bare flow).</summary>
    public async Task DropDatabaseAsync()
    {
        if (_influxDatabase is not null)
        {
            await InfluxQueryAsync($"DROP DATABASE \"{_influxDatabase}\"");
        }
    }

    /// <summary>One InfluxQL statement against the same-job flow's InfluxDB, in its database: its result; throws on an error in it.</summary>
    private async Task<JsonElement> InfluxQueryAsync(string statement)
    {
        var influx = _influx ?? throw new InvalidOperationException("The bare flow writes nothing to InfluxDB");
        using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["q"] = statement, ["db"] = _influxDatabase! });
        using var response = await _http.PostAsync(new Uri(influx, "query"), form);
        response.EnsureSuccessStatusCode();
        using var answer = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var result = answer.RootElement.GetProperty("results")[0];
        if (result.TryGetProperty("error", out var error))
        {
            throw new InvalidOperationException($"InfluxDB refused {statement}: {error.GetString()}");
        }

        return result.Clone();
    }

    public async Task<long> ReceivedAsync() =>
        JsonDocument.Parse(await _http.GetStringAsync("stats")).RootElement.GetProperty("received").GetInt64();

    /// <summary>Messages per second through the flow for the same flood the platform gets.</summary>
    public async Task<double> ThroughputAsync(Dictionary<string, string> devices, int perDevice)
    {
        await using var load = new MqttLoad(devices);
        await load.ConnectAsync();
        var before = await ReceivedAsync();
        var total = perDevice * devices.Count;
        var clock = Stopwatch.StartNew();
        await load.FloodAsync(perDevice, 100);
        while (await ReceivedAsync() - before < total && clock.Elapsed < TimeSpan.FromMinutes(2))
        {
            await Task.Delay(100);
        }

        return (await ReceivedAsync() - before) / clock.Elapsed.TotalSeconds;
    }

    /// <summary>Press → websocket latency under the same paced load (the same presses, rate and measurement as the platform's).</summary>
    public async Task<(Percentiles Latency, double Load)> LatencyAsync(IReadOnlyDictionary<string, string> mattresses, Presses presses, double perSecond)
    {
        var seen = new ConcurrentDictionary<string, long>();
        using var socket = new ClientWebSocket();
        await socket.ConnectAsync(new Uri($"ws://127.0.0.1:{Port}/ws/alerts"), CancellationToken.None);
        using var stop = new CancellationTokenSource();
        var reading = Task.Run(async () =>
        {
            var buffer = new byte[4096];
            try
            {
                while (!stop.IsCancellationRequested)
                {
                    var result = await socket.ReceiveAsync(buffer, stop.Token);
                    var device = JsonDocument.Parse(buffer.AsMemory(0, result.Count)).RootElement.GetProperty("deviceId").GetString()!;
                    seen.TryAdd(device, Stopwatch.GetTimestamp());
                }
            }
            catch (OperationCanceledException)
            {
            }
        });
        await presses.HeartbeatAsync();
        var measured = await LatencyUnderLoad.MeasureAsync(mattresses, presses, perSecond, seen);
        await stop.CancelAsync();
        await reading;
        return measured;
    }

    private void KillIfRunning()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
            }
        }
        catch (InvalidOperationException)
        {
            // already gone
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        _http.Dispose();
    }

    /// <summary>The counters of the deployed flow (<c>GET /stats</c>).</summary>
    public sealed record FlowStats(long Received, long Written, long DeadLetters, long WriteFailed);

    private async Task<bool> AnswersAsync(string path)
    {
        try
        {
            return (await _http.GetAsync(path)).IsSuccessStatusCode;
        }
        catch (HttpRequestException)
        {
            return false;
        }
    }
}
