using System.Text.Json;
using CareIoT.Contracts;
using CareIoT.DeviceProtocol;

namespace CareIoT.Ingestion;

/// <summary>
/// Turns a raw MQTT message of protocol v1 into a <see cref="DeviceMessage"/>, or says exactly
/// why not. Never throws on any input.
/// </summary>
public sealed class DeviceMessageDecoder(int maxPayloadBytes)
{
    public const int DefaultMaxPayloadBytes = 64 * 1024;

    public DecodeResult Decode(string topic, ReadOnlySpan<byte> payload, int payloadSize, DateTimeOffset receivedAt)
    {
        if (!DeviceTopics.TryParse(topic, out var deviceId, out var channel))
        {
            return DecodeResult.Reject(null, RejectReason.BadTopic, $"topic '{Truncate(topic)}' is not {DeviceTopics.Prefix}/<device>/<channel>");
        }

        if (payloadSize > maxPayloadBytes)
        {
            return DecodeResult.Reject(deviceId, RejectReason.Oversize, $"payload of {payloadSize} bytes exceeds {maxPayloadBytes}");
        }

        if (channel is not (DeviceChannels.Events or DeviceChannels.Status))
        {
            return DecodeResult.Reject(deviceId, RejectReason.UnknownChannel, $"channel '{Truncate(channel)}' is not part of protocol v1");
        }

        EventPayload? body;
        try
        {
            body = JsonSerializer.Deserialize<EventPayload>(payload, DevicePayloadJson.Options);
        }
        catch (JsonException ex)
        {
            return DecodeResult.Reject(deviceId, RejectReason.MalformedJson, ex.Message);
        }

        if (body is null || string.IsNullOrWhiteSpace(body.Id) || body.Id.Length > 64)
        {
            return DecodeResult.Reject(deviceId, RejectReason.InvalidField, "'id' must be a non-empty string of at most 64 characters");
        }

        if (ParseType(body.Type) is not { } type)
        {
            return DecodeResult.Reject(deviceId, RejectReason.UnknownType, $"type '{Truncate(body.Type ?? "")}' is not part of protocol v1");
        }

        return DecodeResult.Ok(new DeviceMessage(deviceId, body.Id, type, body.Ts, receivedAt));
    }

    private static DeviceMessageType? ParseType(string? type) => type switch
    {
        EventTypes.Press => DeviceMessageType.Press,
        EventTypes.Cancel => DeviceMessageType.Cancel,
        EventTypes.Heartbeat => DeviceMessageType.Heartbeat,
        _ => null,
    };

    private static string Truncate(string text) => text.Length <= 80 ? text : text[..80] + "…";
}
