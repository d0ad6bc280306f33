namespace CareIoT.Ingestion.Zigbee2Mqtt;

/// <summary>What a topic under <see cref="Zigbee2MqttTopics.Prefix"/> carries.</summary>
public enum Zigbee2MqttTopicKind
{
    /// <summary>Not a topic Zigbee2MQTT publishes for one of our devices: a bad topic.</summary>
    Invalid = 0,

    /// <summary><c>{gateway}/{device}</c>: the device's full state as a JSON object.</summary>
    State = 1,

    /// <summary><c>{gateway}/{device}/availability</c>: online or offline.</summary>
    Availability = 2,

    /// <summary><c>{gateway}/bridge/devices</c>: the gateway's device list (retained).</summary>
    BridgeDevices = 3,

    /// <summary>Any other <c>{gateway}/bridge/…</c> topic: the gateway's own business.</summary>
    BridgeOther = 4,

    /// <summary>A command to a device (<c>…/set</c>, <c>…/get</c>), not a report from it.</summary>
    Command = 5,
}
