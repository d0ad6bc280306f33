using CareIoT.DeviceProtocol;
using MQTTnet;
using MQTTnet.Protocol;

namespace CareIoT.DeviceSimulator;

/// <summary>
/// One device with its own MQTT connection, publishing protocol v1 messages at QoS 1. It leaves a
/// last will, so the broker announces it offline when its connection is lost.
/// </summary>
public sealed class SimulatedDevice(string deviceId, BrokerAddress broker, string? password = null) : IAsyncDisposable
{
    private readonly IMqttClient _client = new MqttClientFactory().CreateMqttClient();

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

        var result = await _client.ConnectAsync(options.Build(), cancellationToken);
        if (result.ResultCode != MqttClientConnectResultCode.Success)
        {
            throw new InvalidOperationException($"Broker {broker} refused {DeviceId}: {result.ResultCode}");
        }
    }

    /// <summary>Publishes one message and returns its id once the broker has acknowledged it.</summary>
    public async Task<string> SendAsync(string type, CancellationToken cancellationToken, Func<DevicePayload, DevicePayload>? fill = null)
    {
        var payload = new DevicePayload { Id = Guid.NewGuid().ToString("N"), Ts = DateTimeOffset.UtcNow, Type = type };
        payload = fill?.Invoke(payload) ?? payload;
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
