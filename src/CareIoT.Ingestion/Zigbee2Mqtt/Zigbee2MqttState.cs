using CareIoT.Contracts;

namespace CareIoT.Ingestion.Zigbee2Mqtt;

/// <summary>
/// What a Zigbee2MQTT state payload says: its readings, whether it announces an emergency,
/// Zigbee2MQTT's <c>last_seen</c> when present and parseable, and the device name the payload
/// itself carries (<c>include_device_information</c>).
/// </summary>
internal sealed record Zigbee2MqttState(DeviceReadings Readings, bool AnnouncesEmergency, DateTimeOffset? LastSeen, string? NamedDevice);
