using CareIoT.DeviceProtocol;

namespace CareIoT.Ingestion.Zigbee2Mqtt;

/// <summary>
/// Topics of Zigbee2MQTT gateways bridged into our broker. Each gateway runs with
/// <c>base_topic: careiot/z2m/{gatewayId}</c> and names every device by its registry id, so a
/// friendly name is 1–64 of A–Z a–z 0–9 - _ and never contains '/'.
/// </summary>
public static class Zigbee2MqttTopics
{
    public const string Prefix = "careiot/z2m/";

    /// <summary>The filter the platform subscribes to: everything every gateway publishes.</summary>
    public const string AllGateways = Prefix + "#";

    public const string Bridge = "bridge";
    public const string Availability = "availability";

    public static bool IsZigbee2Mqtt(string topic) => topic.StartsWith(Prefix, StringComparison.Ordinal);

    public static string State(string gatewayId, string deviceId) => $"{Prefix}{gatewayId}/{deviceId}";

    public static string AvailabilityOf(string gatewayId, string deviceId) => $"{Prefix}{gatewayId}/{deviceId}/{Availability}";

    public static string BridgeDevices(string gatewayId) => $"{Prefix}{gatewayId}/{Bridge}/devices";

    /// <summary>Classifies a topic; never throws.</summary>
    public static Zigbee2MqttTopic Parse(string topic)
    {
        var parts = topic.Split('/');
        if (!IsZigbee2Mqtt(topic) || parts.Length < 4)
        {
            return Zigbee2MqttTopic.Invalid(null, null, $"topic '{RejectDetail.Truncate(topic)}' is not {Prefix}<gateway>/<device>[/{Availability}]");
        }

        var gatewayId = parts[2];
        if (!DeviceTopics.IsValidDeviceId(gatewayId))
        {
            return Zigbee2MqttTopic.Invalid(null, null, $"gateway id '{RejectDetail.Truncate(gatewayId)}' is not 1 to 64 of A-Z a-z 0-9 - _");
        }

        if (parts[3] == Bridge)
        {
            var kind = parts.Length == 5 && parts[4] == "devices" ? Zigbee2MqttTopicKind.BridgeDevices : Zigbee2MqttTopicKind.BridgeOther;
            return new Zigbee2MqttTopic(kind, gatewayId, null);
        }

        var deviceId = DeviceTopics.IsValidDeviceId(parts[3]) ? parts[3] : null;
        if (parts.Length >= 5 && (parts[4] is "set" or "get" || parts[^1] is "set" or "get"))
        {
            return new Zigbee2MqttTopic(Zigbee2MqttTopicKind.Command, gatewayId, deviceId);
        }

        if (deviceId is null)
        {
            return Zigbee2MqttTopic.Invalid(gatewayId, null, $"friendly name '{RejectDetail.Truncate(parts[3])}' is not a device id (1 to 64 of A-Z a-z 0-9 - _)");
        }

        return parts.Length switch
        {
            4 => new Zigbee2MqttTopic(Zigbee2MqttTopicKind.State, gatewayId, deviceId),
            5 when parts[4] == Availability => new Zigbee2MqttTopic(Zigbee2MqttTopicKind.Availability, gatewayId, deviceId),
            _ => Zigbee2MqttTopic.Invalid(gatewayId, deviceId,
                $"topic '{RejectDetail.Truncate(topic)}' is neither the device's state nor its availability (Zigbee2MQTT output must be json)"),
        };
    }
}
