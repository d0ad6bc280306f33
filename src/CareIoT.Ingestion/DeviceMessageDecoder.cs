using System.Text.Json;
using CareIoT.Contracts;
using CareIoT.DeviceProtocol;

namespace CareIoT.Ingestion;

/// <summary>
/// Turns a raw MQTT message of protocol v1 into a <see cref="DeviceMessage"/>, or says exactly
/// why not. Never throws on any input.
/// </summary>
public sealed class DeviceMessageDecoder(int maxPayloadBytes, TimeSpan replayWindow)
{
    public const int DefaultMaxPayloadBytes = 64 * 1024;

    public static readonly TimeSpan DefaultReplayWindow = TimeSpan.FromHours(24);

    public DeviceMessageDecoder(int maxPayloadBytes)
        : this(maxPayloadBytes, DefaultReplayWindow)
    {
    }

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

        if (channel is not (DeviceChannels.Events or DeviceChannels.Status or DeviceChannels.Telemetry))
        {
            return DecodeResult.Reject(deviceId, RejectReason.UnknownChannel, $"channel '{Truncate(channel)}' is not part of protocol v1");
        }

        if (SyntaxError(payload) is { } syntax)
        {
            return DecodeResult.Reject(deviceId, RejectReason.MalformedJson, syntax);
        }

        DevicePayload? body;
        try
        {
            body = JsonSerializer.Deserialize<DevicePayload>(payload, DevicePayloadJson.Options);
        }
        catch (JsonException ex)
        {
            return DecodeResult.Reject(deviceId, RejectReason.InvalidField, ex.Message);
        }

        return body is null
            ? DecodeResult.Reject(deviceId, RejectReason.InvalidField, "the payload must be a JSON object")
            : Validate(deviceId, channel, body, receivedAt);
    }

    private DecodeResult Validate(string deviceId, string channel, DevicePayload body, DateTimeOffset receivedAt)
    {
        if (string.IsNullOrWhiteSpace(body.Id) || body.Id.Length > 64)
        {
            return DecodeResult.Reject(deviceId, RejectReason.InvalidField, "'id' must be 1 to 64 characters");
        }

        if (body.Device is { } echoed && echoed != deviceId)
        {
            return DecodeResult.Reject(deviceId, RejectReason.TopicDeviceMismatch, $"payload names device '{Truncate(echoed)}' on the topic of '{deviceId}'");
        }

        if (ParseType(body.Type) is not { } type)
        {
            return DecodeResult.Reject(deviceId, RejectReason.UnknownType, $"type '{Truncate(body.Type)}' is not part of protocol v1");
        }

        if (MessageTypes.ChannelOf(body.Type) != channel)
        {
            return DecodeResult.Reject(deviceId, RejectReason.UnknownType, $"type '{body.Type}' belongs on '{MessageTypes.ChannelOf(body.Type)}', not '{channel}'");
        }

        if (RangeError(body) is { } range)
        {
            return DecodeResult.Reject(deviceId, RejectReason.InvalidField, range);
        }

        // The last will was composed when the device connected, possibly long ago: never a replay.
        if (type != DeviceMessageType.Offline && body.Ts < receivedAt - replayWindow)
        {
            return DecodeResult.Reject(deviceId, RejectReason.Replayed, $"message time {body.Ts:O} is older than the replay window of {replayWindow}");
        }

        return DecodeResult.Ok(new DeviceMessage(deviceId, body.Id, type, body.Ts, receivedAt, Readings(body)));
    }

    private static string? SyntaxError(ReadOnlySpan<byte> payload)
    {
        var reader = new Utf8JsonReader(payload);
        try
        {
            while (reader.Read())
            {
            }

            return null;
        }
        catch (JsonException ex)
        {
            return ex.Message;
        }
    }

    private static string? RangeError(DevicePayload body) => body switch
    {
        { Battery: < 0 or > 100 } => "'battery' must be 0 to 100",
        { Rssi: < -150 or > 0 } => "'rssi' must be -150 to 0 dBm",
        { HeartRate: < 0 or > 250 } => "'hr' must be 0 to 250",
        { RespirationRate: < 0 or > 80 } => "'rr' must be 0 to 80",
        { Movement: < 0 or > 100 } => "'movement' must be 0 to 100",
        { Firmware.Length: > 32 } => "'fw' must be at most 32 characters",
        { Code.Length: > 32 } => "'code' must be at most 32 characters",
        { Type: MessageTypes.Vitals, Presence: null } => "'vitals' must carry 'presence'",
        _ => null,
    };

    private static DeviceReadings? Readings(DevicePayload body) =>
        body is { Battery: null, Rssi: null, Firmware: null, Code: null, Presence: null, HeartRate: null, RespirationRate: null, Movement: null }
            ? null
            : new DeviceReadings
            {
                BatteryPercent = body.Battery,
                SignalDbm = body.Rssi,
                Firmware = body.Firmware,
                FaultCode = body.Code,
                Presence = body.Presence,
                HeartRate = body.HeartRate,
                RespirationRate = body.RespirationRate,
                Movement = body.Movement,
            };

    private static DeviceMessageType? ParseType(string type) => type switch
    {
        MessageTypes.Press => DeviceMessageType.Press,
        MessageTypes.Cancel => DeviceMessageType.Cancel,
        MessageTypes.Heartbeat => DeviceMessageType.Heartbeat,
        MessageTypes.SmokeAlarm => DeviceMessageType.SmokeAlarm,
        MessageTypes.SmokeClear => DeviceMessageType.SmokeClear,
        MessageTypes.SmokeTest => DeviceMessageType.SmokeTest,
        MessageTypes.Tamper => DeviceMessageType.Tamper,
        MessageTypes.Fault => DeviceMessageType.Fault,
        MessageTypes.LowBattery => DeviceMessageType.LowBattery,
        MessageTypes.BedExit => DeviceMessageType.BedExit,
        MessageTypes.BedReturn => DeviceMessageType.BedReturn,
        MessageTypes.Vitals => DeviceMessageType.Vitals,
        MessageTypes.Offline => DeviceMessageType.Offline,
        _ => null,
    };

    private static string Truncate(string text) => text.Length <= 80 ? text : text[..80] + "…";
}
