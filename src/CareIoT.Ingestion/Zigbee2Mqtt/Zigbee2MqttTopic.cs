namespace CareIoT.Ingestion.Zigbee2Mqtt;

/// <summary>
/// A parsed Zigbee2MQTT topic. <see cref="DeviceId"/> is the device's friendly name (its registry id)
/// when the topic names a valid one; <see cref="Detail"/> says why an <see cref="Zigbee2MqttTopicKind.Invalid"/>
/// topic is not acceptable.
/// </summary>
public sealed record Zigbee2MqttTopic(Zigbee2MqttTopicKind Kind, string? GatewayId, string? DeviceId, string Detail = "")
{
    internal static Zigbee2MqttTopic Invalid(string? gatewayId, string? deviceId, string detail) =>
        new(Zigbee2MqttTopicKind.Invalid, gatewayId, deviceId, detail);
}
