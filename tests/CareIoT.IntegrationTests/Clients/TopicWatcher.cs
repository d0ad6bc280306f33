using System.Collections.Concurrent;
using System.Text;
using CareIoT.DeviceProtocol;
using MQTTnet;
using MQTTnet.Protocol;

namespace CareIoT.IntegrationTests;

/// <summary>
/// Watches what the broker delivers on some devices' topics, as the platform's ingest sees it (its
/// credentials, loopback listener, QoS 1). A publish the ACL refuses never arrives here, whatever
/// the publisher was told.
/// </summary>
public sealed class TopicWatcher : IAsyncDisposable
{
    private readonly IMqttClient _client = new MqttClientFactory().CreateMqttClient();
    private readonly ConcurrentQueue<(string Topic, string Payload)> _received = new();

    private TopicWatcher()
    {
        _client.ApplicationMessageReceivedAsync += e =>
        {
            _received.Enqueue((e.ApplicationMessage.Topic, Encoding.UTF8.GetString(e.ApplicationMessage.Payload)));
            return Task.CompletedTask;
        };
    }

    public static async Task<TopicWatcher> StartAsync(ServicesFixture services, params string[] deviceIds)
    {
        var watcher = new TopicWatcher();
        await watcher._client.ConnectAsync(new MqttClientOptionsBuilder()
            .WithTcpServer(services.MqttHost, services.MqttPlatformPort)
            .WithClientId($"it-watch-{Guid.NewGuid():N}")
            .WithCredentials(services.MqttIngestUsername, services.MqttIngestPassword)
            .WithCleanSession(true)
            .Build());
        var subscribe = new MqttClientSubscribeOptionsBuilder();
        foreach (var id in deviceIds)
        {
            subscribe = subscribe.WithTopicFilter($"{DeviceTopics.Prefix}/{id}/+", MqttQualityOfServiceLevel.AtLeastOnce);
        }

        var result = await watcher._client.SubscribeAsync(subscribe.Build());
        Assert.All(result.Items, item => Assert.Equal(MqttClientSubscribeResultCode.GrantedQoS1, item.ResultCode));
        return watcher;
    }

    /// <summary>The message ids delivered on <paramref name="deviceId"/>'s topics so far.</summary>
    public IReadOnlyList<string> Delivered(string deviceId) =>
        [.. _received.Where(m => m.Topic.StartsWith($"{DeviceTopics.Prefix}/{deviceId}/", StringComparison.Ordinal)).Select(m => m.Payload)];

    /// <summary>Waits until the message with <paramref name="messageId"/> was delivered on the device's topics.</summary>
    public Task<bool> WaitForAsync(string deviceId, string messageId, TimeSpan timeout) =>
        Eventually.TrueAsync(() => Task.FromResult(Delivered(deviceId).Any(p => p.Contains(messageId, StringComparison.Ordinal))), timeout);

    public async ValueTask DisposeAsync()
    {
        if (_client.IsConnected)
        {
            await _client.DisconnectAsync();
        }

        _client.Dispose();
    }
}
