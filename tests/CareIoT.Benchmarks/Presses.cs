using System.Diagnostics;
using CareIoT.DeviceProtocol;
using MQTTnet;
using MQTTnet.Protocol;

namespace CareIoT.Benchmarks;

/// <summary>
/// Call buttons, each on its own connection and credentials, connected before the measurement so a
/// press costs only its publish: one heartbeat from each (as a fitted button sends on its own, so a
/// press meets a live twin) and then one press each at a steady rate.
/// </summary>
public sealed class Presses(IReadOnlyDictionary<string, string> buttons) : IAsyncDisposable
{
    private readonly MqttClientFactory _factory = new();
    private readonly List<(string Id, IMqttClient Client)> _clients = [];

    public int Count => buttons.Count;

    public async Task ConnectAsync()
    {
        foreach (var chunk in buttons.Chunk(50))
        {
            _clients.AddRange(await Task.WhenAll(chunk.Select(async b =>
            {
                var client = _factory.CreateMqttClient();
                await client.ConnectAsync(_factory.CreateClientOptionsBuilder().WithTcpServer("127.0.0.1", 1883).WithClientId($"bench-{b.Key}")
                    .WithCredentials(b.Key, b.Value).WithCleanStart(true).WithKeepAlivePeriod(TimeSpan.FromMinutes(5))
                    .WithProtocolVersion(MQTTnet.Formatter.MqttProtocolVersion.V500).Build());
                return (b.Key, client);
            })));
        }
    }

    public Task HeartbeatAsync() => Task.WhenAll(_clients.Select(c => PublishAsync(c.Id, c.Client, MessageTypes.Heartbeat)));

    /// <summary>One press per button, <paramref name="perSecond"/> buttons a second; returns when each press was handed to the socket.</summary>
    public async Task<Dictionary<string, long>> PressAsync(double perSecond)
    {
        var publishedAt = new Dictionary<string, long>();
        var start = Stopwatch.GetTimestamp();
        for (var i = 0; i < _clients.Count; i++)
        {
            var wait = TimeSpan.FromSeconds(i / perSecond) - Stopwatch.GetElapsedTime(start);
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait);
            }

            var (id, client) = _clients[i];
            publishedAt[id] = Stopwatch.GetTimestamp();
            _ = PublishAsync(id, client, MessageTypes.Press);
        }

        return publishedAt;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var (_, client) in _clients)
        {
            await client.DisconnectAsync();
            client.Dispose();
        }
    }

    private static Task PublishAsync(string id, IMqttClient client, string type) =>
        client.PublishAsync(new MqttApplicationMessageBuilder().WithTopic(DeviceTopics.For(id, type))
            .WithPayload(DevicePayloadJson.Serialize(new DevicePayload { Id = Guid.NewGuid().ToString("N"), Ts = DateTimeOffset.UtcNow, Type = type, Battery = 90 }))
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce).Build());
}
