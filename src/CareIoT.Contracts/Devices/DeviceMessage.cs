namespace CareIoT.Contracts;

/// <summary>
/// One message from a device, decoded and validated by ingestion.
/// <paramref name="MessageId"/> is unique per device: redeliveries carry the same id, so every
/// consumer must treat (DeviceId, MessageId) as an idempotency key. <paramref name="GatewayId"/>
/// is set when a gateway (Zigbee2MQTT) spoke for the device.
/// </summary>
[GenerateSerializer, Immutable, Alias("CareIoT.DeviceMessage")]
public sealed record DeviceMessage(
    string DeviceId,
    string MessageId,
    DeviceMessageType Type,
    DateTimeOffset DeviceTime,
    DateTimeOffset ReceivedAt,
    DeviceReadings? Readings = null,
    string? GatewayId = null)
{
    /// <summary>The key that identifies this message across redeliveries.</summary>
    public string SourceKey => $"{DeviceId}/{MessageId}";
}
