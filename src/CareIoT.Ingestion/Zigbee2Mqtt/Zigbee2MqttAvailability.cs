using System.Text.Json;
using CareIoT.Contracts;

namespace CareIoT.Ingestion.Zigbee2Mqtt;

/// <summary>
/// Reads <c>{device}/availability</c>: <c>{"state":"online"}</c> from Zigbee2MQTT 1.30 on, or the
/// plain text <c>online</c> / <c>offline</c> of the legacy availability payload.
/// </summary>
internal static class Zigbee2MqttAvailability
{
    private static ReadOnlySpan<byte> Whitespace => " \t\r\n"u8;

    /// <summary>Online or Offline, or null with the reason and detail.</summary>
    public static DeviceMessageType? Read(ReadOnlySpan<byte> payload, out RejectReason reason, out string detail)
    {
        reason = RejectReason.InvalidField;
        var legacy = payload.Trim(Whitespace);
        if (legacy.SequenceEqual("online"u8) || legacy.SequenceEqual("offline"u8))
        {
            detail = "";
            return legacy.SequenceEqual("online"u8) ? DeviceMessageType.Online : DeviceMessageType.Offline;
        }

        using var document = Zigbee2MqttJson.Parse(payload, out var syntaxError);
        if (document is null)
        {
            reason = RejectReason.MalformedJson;
            detail = syntaxError;
            return null;
        }

        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("state", out var state))
        {
            detail = "availability must be {\"state\":\"online\"|\"offline\"} or the plain text online|offline";
            return null;
        }

        detail = "";
        return state.ValueKind == JsonValueKind.String ? state.GetString() switch
        {
            "online" => DeviceMessageType.Online,
            "offline" => DeviceMessageType.Offline,
            _ => Invalid(state, out detail),
        } : Invalid(state, out detail);
    }

    private static DeviceMessageType? Invalid(JsonElement state, out string detail)
    {
        detail = Zigbee2MqttJson.MustBe("state", "\"online\" or \"offline\"", state);
        return null;
    }
}
