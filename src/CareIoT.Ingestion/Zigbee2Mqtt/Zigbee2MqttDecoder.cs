using System.Text.Json;
using CareIoT.Contracts;

namespace CareIoT.Ingestion.Zigbee2Mqtt;

/// <summary>
/// Turns what a Zigbee2MQTT gateway publishes under <see cref="Zigbee2MqttTopics.Prefix"/> into a
/// <see cref="DeviceMessage"/>, a skip, or a rejection that says exactly why. Never throws on any
/// input. One instance serves all ingest partitions: it learns each gateway's device models from
/// <c>bridge/devices</c> into <see cref="Directory"/>.
/// </summary>
public sealed class Zigbee2MqttDecoder(
    Zigbee2MqttModelCatalog catalog,
    Zigbee2MqttDeviceDirectory? directory = null,
    int maxPayloadBytes = DeviceMessageDecoder.DefaultMaxPayloadBytes,
    int maxBridgeDevicesBytes = Zigbee2MqttDecoder.DefaultMaxBridgeDevicesBytes)
{
    /// <summary><c>bridge/devices</c> carries every device's full definition: tens of KiB per home are normal.</summary>
    public const int DefaultMaxBridgeDevicesBytes = 1024 * 1024;

    // Zigbee2MQTT messages carry no id: ours must differ per received message, across restarts and nodes.
    private readonly string _instance = Guid.NewGuid().ToString("N")[..8];
    private long _sequence;

    public Zigbee2MqttDeviceDirectory Directory { get; } = directory ?? new Zigbee2MqttDeviceDirectory();

    public DecodeResult Decode(string topic, ReadOnlySpan<byte> payload, int payloadSize, DateTimeOffset receivedAt)
    {
        var parsed = Zigbee2MqttTopics.Parse(topic);
        switch (parsed.Kind)
        {
            case Zigbee2MqttTopicKind.Invalid:
                return DecodeResult.Reject(parsed.DeviceId, RejectReason.BadTopic, parsed.Detail);
            case Zigbee2MqttTopicKind.Command:
                return DecodeResult.Skip(parsed.DeviceId, "a command to a Zigbee2MQTT device, not a report from it");
            case Zigbee2MqttTopicKind.BridgeOther:
                return DecodeResult.Skip(null, "a Zigbee2MQTT bridge topic other than bridge/devices");
        }

        var limit = parsed.Kind == Zigbee2MqttTopicKind.BridgeDevices ? maxBridgeDevicesBytes : maxPayloadBytes;
        if (payloadSize > limit || payload.Length < payloadSize)
        {
            return DecodeResult.Reject(parsed.DeviceId, RejectReason.Oversize,
                $"payload of {payloadSize} bytes ({payload.Length} kept) exceeds {limit}");
        }

        if (payload.Trim(" \t\r\n"u8).IsEmpty)
        {
            return DecodeResult.Skip(parsed.DeviceId, "empty payload: Zigbee2MQTT cleared a retained message");
        }

        var gatewayId = parsed.GatewayId!;
        return parsed.Kind switch
        {
            Zigbee2MqttTopicKind.BridgeDevices => LearnDevices(gatewayId, payload),
            Zigbee2MqttTopicKind.Availability => DecodeAvailability(gatewayId, parsed.DeviceId!, payload, receivedAt),
            _ => DecodeState(gatewayId, parsed.DeviceId!, payload, receivedAt),
        };
    }

    private DecodeResult LearnDevices(string gatewayId, ReadOnlySpan<byte> payload)
    {
        using var document = Zigbee2MqttJson.Parse(payload, out var syntaxError);
        if (document is null)
        {
            return DecodeResult.Reject(null, RejectReason.MalformedJson, syntaxError);
        }

        if (Zigbee2MqttBridgeDevices.Read(document.RootElement, out var profiles, out var error) is not { } models)
        {
            return DecodeResult.Reject(null, RejectReason.InvalidField, error);
        }

        Directory.Replace(gatewayId, models, profiles);
        return DecodeResult.Skip(null, $"learned the models of {models.Count} devices of gateway '{gatewayId}'");
    }

    private DecodeResult DecodeAvailability(string gatewayId, string deviceId, ReadOnlySpan<byte> payload, DateTimeOffset receivedAt) =>
        Zigbee2MqttAvailability.Read(payload, out var reason, out var detail) is { } type
            ? DecodeResult.Ok(new DeviceMessage(deviceId, NextMessageId(receivedAt), type, receivedAt, receivedAt, GatewayId: gatewayId))
            : DecodeResult.Reject(deviceId, reason, detail);

    private DecodeResult DecodeState(string gatewayId, string deviceId, ReadOnlySpan<byte> payload, DateTimeOffset receivedAt)
    {
        using var document = Zigbee2MqttJson.Parse(payload, out var syntaxError);
        if (document is null)
        {
            return DecodeResult.Reject(deviceId, RejectReason.MalformedJson, syntaxError);
        }

        if (document.RootElement.ValueKind != JsonValueKind.Object)
        {
            return DecodeResult.Reject(deviceId, RejectReason.InvalidField, $"the state must be a JSON object, not {RejectDetail.Show(document.RootElement)}");
        }

        // The table overrides; otherwise what the device's exposes said it can report.
        var model = catalog.Find(Directory.ModelOf(gatewayId, deviceId)) ?? Directory.ProfileOf(gatewayId, deviceId);
        if (Zigbee2MqttStateReader.Read(document.RootElement, model, out var invalid) is not { } state)
        {
            return DecodeResult.Reject(deviceId, RejectReason.InvalidField, invalid);
        }

        if (state.NamedDevice is { } named && named != deviceId)
        {
            return DecodeResult.Reject(deviceId, RejectReason.TopicDeviceMismatch,
                $"payload names device '{RejectDetail.Truncate(named)}' on the topic of '{deviceId}'");
        }

        var type = state.AnnouncesEmergency ? DeviceMessageType.Press : DeviceMessageType.StateReport;
        return DecodeResult.Ok(new DeviceMessage(
            deviceId, NextMessageId(receivedAt), type, state.LastSeen ?? receivedAt, receivedAt, state.Readings, gatewayId));
    }

    private string NextMessageId(DateTimeOffset receivedAt) =>
        $"z2m-{receivedAt.UtcTicks}-{_instance}-{Interlocked.Increment(ref _sequence)}";
}
