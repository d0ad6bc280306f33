using System.Text.Json;
using MQTTnet;
using MQTTnet.Protocol;

namespace CareIoT.DeviceSimulator;

/// <summary>
/// A home Zigbee gateway running Zigbee2MQTT with <c>base_topic: careiot/z2m/{gatewayId}</c>: it
/// logs in as its gateway id and publishes its devices' full state and availability, as Zigbee2MQTT does.
/// </summary>
public sealed class SimulatedGateway(string gatewayId, BrokerAddress broker, string? password) : IAsyncDisposable
{
    private readonly IMqttClient _client = new MqttClientFactory().CreateMqttClient();

    public string GatewayId { get; } = gatewayId;

    public async Task ConnectAsync(CancellationToken cancellationToken)
    {
        var options = new MqttClientOptionsBuilder()
            .WithTcpServer(broker.Host, broker.Port)
            .WithClientId($"z2m-{GatewayId}")
            .WithCleanSession(true);
        if (password is not null)
        {
            options = options.WithCredentials(GatewayId, password);
        }

        var result = await _client.ConnectAsync(options.Build(), cancellationToken);
        if (result.ResultCode != MqttClientConnectResultCode.Success)
        {
            throw new InvalidOperationException($"Broker {broker} refused gateway {GatewayId}: {result.ResultCode}");
        }
    }

    /// <summary>Publishes a device's availability, <c>{"state":"online"}</c>, retained as Zigbee2MQTT does.</summary>
    public Task AvailableAsync(string friendlyName, bool online, CancellationToken cancellationToken) =>
        PublishAsync($"careiot/z2m/{GatewayId}/{friendlyName}/availability", new { state = online ? "online" : "offline" }, retain: true, cancellationToken);

    /// <summary>Publishes a device's full state, e.g. <c>{"smoke":false,"battery":90,…}</c>.</summary>
    public Task StateAsync(string friendlyName, object state, CancellationToken cancellationToken) =>
        PublishAsync($"careiot/z2m/{GatewayId}/{friendlyName}", state, retain: false, cancellationToken);

    private async Task PublishAsync(string topic, object payload, bool retain, CancellationToken cancellationToken)
    {
        var message = new MqttApplicationMessageBuilder()
            .WithTopic(topic)
            .WithPayload(JsonSerializer.SerializeToUtf8Bytes(payload))
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
            .WithRetainFlag(retain)
            .Build();
        var result = await _client.PublishAsync(message, cancellationToken);
        if (!result.IsSuccess)
        {
            throw new InvalidOperationException($"Broker refused {topic}: {result.ReasonCode}");
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
