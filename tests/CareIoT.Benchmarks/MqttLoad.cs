using System.Diagnostics;
using CareIoT.DeviceProtocol;
using MQTTnet;
using MQTTnet.Protocol;

namespace CareIoT.Benchmarks;

/// <summary>
/// Mattress devices publishing vitals at QoS 1, each on its own connection and credentials, either
/// as fast as the broker acknowledges (a window of in-flight publishes per device) or at a set rate.
/// </summary>
public sealed class MqttLoad(IReadOnlyDictionary<string, string> devices) : IAsyncDisposable
{
    private readonly MqttClientFactory _factory = new();
    private readonly List<(string Id, IMqttClient Client)> _clients = [];
    private long _sent;

    public long Sent => Interlocked.Read(ref _sent);

    public async Task ConnectAsync()
    {
        foreach (var (id, password) in devices)
        {
            var client = _factory.CreateMqttClient();
            await client.ConnectAsync(_factory.CreateClientOptionsBuilder().WithTcpServer("127.0.0.1", 1883).WithClientId($"bench-{id}")
                .WithCredentials(id, password).WithCleanStart(true).WithProtocolVersion(MQTTnet.Formatter.MqttProtocolVersion.V500).Build());
            _clients.Add((id, client));
        }
    }

    /// <summary>Publishes <paramref name="perDevice"/> messages from every device, <paramref name="window"/> in flight each.</summary>
    public Task FloodAsync(int perDevice, int window) => Task.WhenAll(_clients.Select(async c =>
    {
        var inFlight = new List<Task>(window);
        for (var i = 0; i < perDevice; i++)
        {
            inFlight.Add(PublishAsync(c.Id, c.Client, i));
            if (inFlight.Count == window)
            {
                await Task.WhenAll(inFlight);
                inFlight.Clear();
            }
        }

        await Task.WhenAll(inFlight);
    }));

    /// <summary>
    /// Publishes <paramref name="perSecond"/> in all until cancelled, spread evenly over the devices and
    /// sent in 10 ms steps (each step sends what is due since the start, so the rate holds on average).
    /// </summary>
    public Task PaceAsync(double perSecond, CancellationToken stop) => Task.WhenAll(_clients.Select(async c =>
    {
        var rate = perSecond / _clients.Count;
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(10));
        var start = Stopwatch.GetTimestamp();
        var n = 0;
        try
        {
            while (await timer.WaitForNextTickAsync(stop))
            {
                var due = (int)(rate * Stopwatch.GetElapsedTime(start).TotalSeconds) - n;
                var step = new Task[Math.Max(0, due)];
                for (var i = 0; i < step.Length; i++)
                {
                    step[i] = PublishAsync(c.Id, c.Client, n++);
                }

                await Task.WhenAll(step);
            }
        }
        catch (OperationCanceledException)
        {
        }
    }));

    public async ValueTask DisposeAsync()
    {
        foreach (var (_, client) in _clients)
        {
            await client.DisconnectAsync();
            client.Dispose();
        }
    }

    private async Task PublishAsync(string id, IMqttClient client, int n)
    {
        var payload = DevicePayloadJson.Serialize(new DevicePayload
        {
            Id = $"{id}-{n}-{Guid.NewGuid():N}", Ts = DateTimeOffset.UtcNow, Type = MessageTypes.Vitals,
            Presence = true, HeartRate = 60 + (n % 30), RespirationRate = 14 + (n % 5), Movement = n % 3,
        });
        await client.PublishAsync(new MqttApplicationMessageBuilder().WithTopic(DeviceTopics.For(id, MessageTypes.Vitals))
            .WithPayload(payload).WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce).Build());
        Interlocked.Increment(ref _sent);
    }
}
