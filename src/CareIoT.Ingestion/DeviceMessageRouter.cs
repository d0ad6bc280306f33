using CareIoT.DeviceProtocol;
using CareIoT.Ingestion.Zigbee2Mqtt;

namespace CareIoT.Ingestion;

/// <summary>
/// Picks the decoder for a topic — protocol v1 or a Zigbee2MQTT gateway — and says which device a
/// topic belongs to, so that one device's messages always share a partition and stay in order.
/// One instance serves every partition (the Zigbee2MQTT decoder learns each gateway's devices).
/// </summary>
public sealed class DeviceMessageRouter(DeviceMessageDecoder native, Zigbee2MqttDecoder zigbee2Mqtt, int maxPayloadBytes)
{
    public DecodeResult Decode(string topic, ReadOnlySpan<byte> payload, int payloadSize, DateTimeOffset receivedAt) =>
        Zigbee2MqttTopics.IsZigbee2Mqtt(topic)
            ? zigbee2Mqtt.Decode(topic, payload, payloadSize, receivedAt)
            : native.Decode(topic, payload, payloadSize, receivedAt);

    public string PartitionKey(string topic)
    {
        if (Zigbee2MqttTopics.IsZigbee2Mqtt(topic))
        {
            return Zigbee2MqttTopics.Parse(topic).DeviceId ?? topic;
        }

        return DeviceTopics.TryParse(topic, out var deviceId, out _) ? deviceId : topic;
    }

    /// <summary>
    /// How many payload bytes to keep from the wire: one more than the limit (enough to prove it was
    /// too big), except for a gateway's device list, which may legitimately be large.
    /// </summary>
    public long KeepBytes(string topic) =>
        (topic.EndsWith("/bridge/devices", StringComparison.Ordinal) && Zigbee2MqttTopics.IsZigbee2Mqtt(topic)
            ? Zigbee2MqttDecoder.DefaultMaxBridgeDevicesBytes
            : maxPayloadBytes) + 1L;
}
