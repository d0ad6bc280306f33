using System.Collections.Concurrent;
using CareIoT.DeviceProtocol;
using MQTTnet;
using MQTTnet.Protocol;

namespace CareIoT.DeviceSimulator;

/// <summary>
/// One device with its own MQTT connection, publishing protocol v1 messages at QoS 1. It leaves a
/// last will, so the broker announces it offline when its connection is lost, and keeps each event
/// until the platform's receipt arrives, sending it again with the same id meanwhile (devices/README.md).
/// </summary>
public sealed class SimulatedDevice(string deviceId, BrokerAddress broker, string? password = null) : IAsyncDisposable
{
    /// <summary>How long an event is kept and sent again without a receipt.</summary>
    private static readonly TimeSpan KeepEventFor = TimeSpan.FromMinutes(10);

    private readonly IMqttClient _client = new MqttClientFactory().CreateMqttClient();
    private readonly ConcurrentDictionary<string, TaskCompletionSource> _receipts = new();

    public string DeviceId { get; } = deviceId;

    public async Task ConnectAsync(CancellationToken cancellationToken)
    {
        var will = new DevicePayload { Id = $"will-{Guid.NewGuid():N}", Ts = DateTimeOffset.UtcNow, Type = MessageTypes.Offline };
        var options = new MqttClientOptionsBuilder()
            .WithTcpServer(broker.Host, broker.Port)
            .WithClientId($"dev-{DeviceId}")
            .WithCleanSession(true)
            .WithWillTopic(DeviceTopics.Status(DeviceId))
            .WithWillPayload(DevicePayloadJson.Serialize(will))
            .WithWillQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce);
        if (password is not null)
        {
            options = options.WithCredentials(DeviceId, password);
        }

        _client.ApplicationMessageReceivedAsync += e =>
        {
            if (DeviceReceipt.TryParse(e.ApplicationMessage.Payload) is { } receipt && _receipts.TryGetValue(receipt.Id, out var waiting))
            {
                waiting.TrySetResult();
            }

            return Task.CompletedTask;
        };
        var result = await _client.ConnectAsync(options.Build(), cancellationToken);
        if (result.ResultCode != MqttClientConnectResultCode.Success)
        {
            throw new InvalidOperationException($"Broker {broker} refused {DeviceId}: {result.ResultCode}");
        }

        await _client.SubscribeAsync(new MqttClientSubscribeOptionsBuilder()
            .WithTopicFilter(t => t.WithTopic(DeviceTopics.Receipts(DeviceId)).WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce))
            .Build(), cancellationToken);
    }

    /// <summary>
    /// Publishes one message and returns its id once the broker has acknowledged it, and for an event
    /// once the platform's receipt arrived too (sent again with the same id every 3 s until then).
    /// </summary>
    public async Task<string> SendAsync(string type, CancellationToken cancellationToken, Func<DevicePayload, DevicePayload>? fill = null)
    {
        var payload = new DevicePayload { Id = Guid.NewGuid().ToString("N"), Ts = DateTimeOffset.UtcNow, Type = type };
        payload = fill?.Invoke(payload) ?? payload;
        if (MessageTypes.ChannelOf(type) != DeviceChannels.Events)
        {
            await PublishAsync(payload, cancellationToken);
            return payload.Id;
        }

        var receipt = _receipts.GetOrAdd(payload.Id, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        try
        {
            var giveUp = DateTimeOffset.UtcNow + KeepEventFor;
            while (true)
            {
                await PublishAsync(payload, cancellationToken);
                try
                {
                    await receipt.Task.WaitAsync(DeviceReceipt.ResendAfter, cancellationToken);
                    return payload.Id;
                }
                catch (TimeoutException) when (DateTimeOffset.UtcNow < giveUp)
                {
                    // No receipt: the broker may have lost it. Same id, so the platform drops a repeat.
                }
            }
        }
        finally
        {
            _receipts.TryRemove(payload.Id, out _);
        }
    }

    private async Task PublishAsync(DevicePayload payload, CancellationToken cancellationToken)
    {
        var type = payload.Type;
        var message = new MqttApplicationMessageBuilder()
            .WithTopic(DeviceTopics.For(DeviceId, type))
            .WithPayload(DevicePayloadJson.Serialize(payload))
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
            .Build();
        var result = await _client.PublishAsync(message, cancellationToken);
        if (!result.IsSuccess)
        {
            throw new InvalidOperationException($"Broker refused the message of {DeviceId}: {result.ReasonCode} {result.ReasonString}");
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_client.IsConnected)
        {
            await _client.DisconnectAsync();
        }

        _client.Dispose();
    }
}
