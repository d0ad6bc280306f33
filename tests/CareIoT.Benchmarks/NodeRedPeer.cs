using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using CareIoT.DeviceProtocol;
using MQTTnet;
using MQTTnet.Protocol;

namespace CareIoT.Benchmarks;

/// <summary>
/// The peer: Node-RED (npm node-red 4.1.8 on the system Node, installed under deploy/nodered) running
/// the same job as a flow — MQTT in at QoS 1 → the call-button rule → websocket out — deployed
/// through its admin API so the broker credentials are kept as Node-RED credentials.
/// </summary>
public sealed class NodeRedPeer : IAsyncDisposable
{
    private const int Port = 1880;
    private readonly Process _process;
    private readonly HttpClient _http = new() { BaseAddress = new Uri($"http://127.0.0.1:{Port}/") };

    private NodeRedPeer(Process process) => _process = process;

    public static async Task<NodeRedPeer?> StartAsync(BenchServices services)
    {
        var home = Path.Combine(services.Repository, "deploy", "nodered");
        if (!File.Exists(Path.Combine(home, "node_modules", "node-red", "red.js")))
        {
            Console.WriteLine("Node-RED is not installed (deploy/bench.sh installs it with npm); the peer is skipped");
            return null;
        }

        var userDir = Directory.CreateTempSubdirectory("careiot-nodered-").FullName;
        var start = new ProcessStartInfo("node") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { Path.Combine(home, "node_modules", "node-red", "red.js"), "--settings", Path.Combine(home, "settings.js"), "--userDir", userDir })
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["NODERED_PORT"] = Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var peer = new NodeRedPeer(Process.Start(start)!);
        peer._process.OutputDataReceived += (_, _) => { };
        peer._process.ErrorDataReceived += (_, _) => { };
        peer._process.BeginOutputReadLine();
        peer._process.BeginErrorReadLine();
        for (var i = 0; i < 120 && !await peer.AnswersAsync("flows"); i++)
        {
            await Task.Delay(500);
        }

        var flow = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(home, "flow.json")))!.AsArray();
        var (user, password) = services.Ingest;
        var broker = flow.Single(n => (string?)n!["type"] == "mqtt-broker")!;
        broker["credentials"] = new JsonObject { ["user"] = user, ["password"] = password };
        broker["port"] = services.PlatformPort.ToString(System.Globalization.CultureInfo.InvariantCulture);
        using var deploy = new HttpRequestMessage(HttpMethod.Post, "flows") { Content = new StringContent(flow.ToJsonString(), Encoding.UTF8, "application/json") };
        deploy.Headers.Add("Node-RED-Deployment-Type", "full");
        (await peer._http.SendAsync(deploy)).EnsureSuccessStatusCode();
        await Task.Delay(3000); // the MQTT node connects and subscribes
        return peer;
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

    /// <summary>Press → websocket latency under the same paced load.</summary>
    public async Task<Percentiles> LatencyAsync(Dictionary<string, string> mattresses, Dictionary<string, string> buttons, int perSecond)
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
        await using var load = new MqttLoad(mattresses);
        await load.ConnectAsync();
        var pacing = load.PaceAsync(perSecond, stop.Token);
        await Task.Delay(TimeSpan.FromSeconds(3));
        var pressed = await Presses.SendAsync(buttons, TimeSpan.FromMilliseconds(60));
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (seen.Count < buttons.Count && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }

        await stop.CancelAsync();
        await pacing;
        await reading;
        return Percentiles.Of([.. pressed.Where(p => seen.ContainsKey(p.Key)).Select(p => Stopwatch.GetElapsedTime(p.Value, seen[p.Key]).TotalMilliseconds)]);
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

/// <summary>Call-button presses, one per button, each on its own connection; returns when each was published.</summary>
public static class Presses
{
    public static Task<Dictionary<string, long>> SendAsync(Dictionary<string, string> buttons, TimeSpan between) =>
        PublishEachAsync(buttons, MessageTypes.Press, between);

    /// <summary>
    /// One heartbeat from each button, as every fitted device sends on its own, so that a press
    /// meets a live twin, as it does in service, rather than one being activated from storage.
    /// </summary>
    public static Task HeartbeatAsync(Dictionary<string, string> buttons) =>
        PublishEachAsync(buttons, MessageTypes.Heartbeat, TimeSpan.Zero);

    private static async Task<Dictionary<string, long>> PublishEachAsync(Dictionary<string, string> buttons, string type, TimeSpan between)
    {
        var factory = new MqttClientFactory();
        var publishedAt = new Dictionary<string, long>();
        foreach (var (button, password) in buttons)
        {
            using var client = factory.CreateMqttClient();
            await client.ConnectAsync(factory.CreateClientOptionsBuilder().WithTcpServer("127.0.0.1", 1883).WithClientId($"bench-{button}-{Guid.NewGuid():N}")
                .WithCredentials(button, password).WithCleanStart(true).WithProtocolVersion(MQTTnet.Formatter.MqttProtocolVersion.V500).Build());
            var payload = DevicePayloadJson.Serialize(new DevicePayload { Id = Guid.NewGuid().ToString("N"), Ts = DateTimeOffset.UtcNow, Type = type, Battery = 90 });
            publishedAt[button] = Stopwatch.GetTimestamp();
            await client.PublishAsync(new MqttApplicationMessageBuilder().WithTopic(DeviceTopics.For(button, type))
                .WithPayload(payload).WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce).Build());
            await client.DisconnectAsync();
            await Task.Delay(between);
        }

        return publishedAt;
    }
}
