using CareIoT.DeviceProtocol;
using MQTTnet;
using MQTTnet.Protocol;

namespace CareIoT.DeviceSimulator;

/// <summary>One device with its own MQTT connection, publishing protocol v1 messages at QoS 1.</summary>
public sealed class SimulatedDevice(string deviceId, BrokerAddress broker) : IAsyncDisposable
{
    private readonly IMqttClient _client = new MqttClientFactory().CreateMqttClient();

    public string DeviceId { get; } = deviceId;

    public async Task ConnectAsync(CancellationToken cancellationToken)
    {
        var options = new MqttClientOptionsBuilder()
            .WithTcpServer(broker.Host, broker.Port)
            .WithClientId($"sim-{DeviceId}")
            .WithCleanSession(true)
            .Build();
        await _client.ConnectAsync(options, cancellationToken);
    }

    /// <summary>Publishes one message and returns its id once the broker has acknowledged it.</summary>
    public async Task<string> SendAsync(string type, CancellationToken cancellationToken)
    {
        var payload = new EventPayload(Guid.NewGuid().ToString("N"), DateTimeOffset.UtcNow, type);
        var topic = type == EventTypes.Heartbeat ? DeviceTopics.Status(DeviceId) : DeviceTopics.Events(DeviceId);
        var message = new MqttApplicationMessageBuilder()
            .WithTopic(topic)
            .WithPayload(DevicePayloadJson.Serialize(payload))
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
            .Build();
        var result = await _client.PublishAsync(message, cancellationToken);
        if (!result.IsSuccess)
        {
            throw new InvalidOperationException($"Broker refused the message of {DeviceId}: {result.ReasonCode} {result.ReasonString}");
        }

        return payload.Id;
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
