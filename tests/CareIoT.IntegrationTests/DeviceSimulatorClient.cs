using System.Text;
using CareIoT.DeviceProtocol;
using MQTTnet;
using MQTTnet.Protocol;

namespace CareIoT.IntegrationTests;

/// <summary>What <c>mosquitto_pub -q 1</c> does: publish raw bytes at QoS 1 and wait for the broker's PUBACK.</summary>
public sealed class DeviceSimulatorClient(string host, int port) : IAsyncDisposable
{
    private readonly IMqttClient _client = new MqttClientFactory().CreateMqttClient();

    public async Task ConnectAsync()
    {
        await _client.ConnectAsync(new MqttClientOptionsBuilder()
            .WithTcpServer(host, port)
            .WithClientId($"it-device-{Guid.NewGuid():N}")
            .WithCleanSession(true)
            .Build());
    }

    public Task PublishAsync(string topic, string payload) => PublishAsync(topic, Encoding.UTF8.GetBytes(payload));

    public async Task PublishAsync(string topic, byte[] payload)
    {
        var result = await _client.PublishAsync(new MqttApplicationMessageBuilder()
            .WithTopic(topic)
            .WithPayload(payload)
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
            .Build());
        if (!result.IsSuccess)
        {
            throw new InvalidOperationException($"The broker refused the publish: {result.ReasonCode}");
        }
    }

    /// <summary>Publishes a v1 press for the device and returns the message id it carried.</summary>
    public async Task<string> PressAsync(string deviceId, string? messageId = null)
    {
        return await SendAsync(deviceId, MessageTypes.Press, messageId);
    }

    /// <summary>Publishes a v1 message of any type on the topic it belongs on; returns its id.</summary>
    public async Task<string> SendAsync(string deviceId, string type, string? messageId = null, Func<DevicePayload, DevicePayload>? fill = null)
    {
        var payload = new DevicePayload { Id = messageId ?? Guid.NewGuid().ToString("N"), Ts = DateTimeOffset.UtcNow, Type = type };
        payload = fill?.Invoke(payload) ?? payload;
        await PublishAsync(DeviceTopics.For(deviceId, type), DevicePayloadJson.Serialize(payload));
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
