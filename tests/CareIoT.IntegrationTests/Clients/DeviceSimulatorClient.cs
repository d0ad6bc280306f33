using System.Text;
using CareIoT.DeviceProtocol;
using MQTTnet;
using MQTTnet.Protocol;

namespace CareIoT.IntegrationTests;

/// <summary>What <c>mosquitto_pub -q 1</c> does: publish raw bytes at QoS 1 and wait for the broker's PUBACK.</summary>
public sealed class DeviceSimulatorClient(string host, int port, string? username = null, string? password = null) : IAsyncDisposable
{
    private readonly IMqttClient _client = new MqttClientFactory().CreateMqttClient();
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, TaskCompletionSource> _receipts = new();

    public bool IsConnected => _client.IsConnected;

    /// <summary>Connects; with <paramref name="will"/> the broker publishes that last will if the connection is lost.</summary>
    public async Task<MqttClientConnectResult> ConnectAsync(string? will = null)
    {
        var options = new MqttClientOptionsBuilder()
            .WithTcpServer(host, port)
            .WithClientId($"it-device-{Guid.NewGuid():N}")
            .WithCleanSession(true)
            .WithTimeout(TimeSpan.FromSeconds(5));
        if (username is not null)
        {
            options = options.WithCredentials(username, password);
        }

        if (will is not null && username is not null)
        {
            var payload = new DevicePayload { Id = $"will-{Guid.NewGuid():N}", Ts = DateTimeOffset.UtcNow, Type = MessageTypes.Offline };
            options = options.WithWillTopic(DeviceTopics.Status(username)).WithWillPayload(DevicePayloadJson.Serialize(payload))
                .WithWillQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce);
        }

        // MQTTnet 5 reports a refused CONNECT in the result code rather than by throwing.
        return await _client.ConnectAsync(options.Build());
    }

    /// <summary>Connects and throws unless the broker accepted the client.</summary>
    public async Task ConnectOrThrowAsync(string? will = null)
    {
        var result = await ConnectAsync(will);
        if (result.ResultCode != MqttClientConnectResultCode.Success)
        {
            throw new InvalidOperationException($"The broker refused the connection: {result.ResultCode}");
        }
    }

    /// <summary>Subscribes to the device's receipts (<see cref="DeviceReceipt"/>); returns the broker's answer for the subscription.</summary>
    public async Task<MqttClientSubscribeResultCode> SubscribeReceiptsAsync(string deviceId)
    {
        _client.ApplicationMessageReceivedAsync += e =>
        {
            if (DeviceReceipt.TryParse(e.ApplicationMessage.Payload) is { } receipt)
            {
                _receipts.GetOrAdd(receipt.Id, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
            }

            return Task.CompletedTask;
        };
        var result = await _client.SubscribeAsync(new MqttClientSubscribeOptionsBuilder()
            .WithTopicFilter(t => t.WithTopic(DeviceTopics.Receipts(deviceId)).WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce))
            .Build());
        return result.Items.Single().ResultCode;
    }

    /// <summary>Whether the platform's receipt for <paramref name="messageId"/> arrived within <paramref name="timeout"/>.</summary>
    public async Task<bool> WaitForReceiptAsync(string messageId, TimeSpan timeout)
    {
        var receipt = _receipts.GetOrAdd(messageId, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        try
        {
            await receipt.Task.WaitAsync(timeout);
            return true;
        }
        catch (TimeoutException)
        {
            return false;
        }
    }

    /// <summary>Drops the TCP connection without a DISCONNECT, as a device losing power does.</summary>
    public void Abort() => _client.Dispose();

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
