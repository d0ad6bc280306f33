using System.Text.Json.Serialization;

namespace CareIoT.DeviceProtocol;

/// <summary>
/// The JSON body of every protocol v1 message. <c>id</c>, <c>ts</c> and <c>type</c> are required;
/// the rest are optional readings. A field not listed here is refused.
/// </summary>
public sealed record DevicePayload
{
    /// <summary>Unique per device; a redelivery repeats it.</summary>
    [JsonPropertyName("id")] public required string Id { get; init; }

    /// <summary>The device's clock when the event happened (ISO 8601).</summary>
    [JsonPropertyName("ts")] public required DateTimeOffset Ts { get; init; }

    /// <summary>One of <see cref="MessageTypes"/>.</summary>
    [JsonPropertyName("type")] public required string Type { get; init; }

    /// <summary>Optional echo of the device id; when present it must equal the id in the topic.</summary>
    [JsonPropertyName("device")] public string? Device { get; init; }

    /// <summary>Battery charge, 0–100 %.</summary>
    [JsonPropertyName("battery")] public int? Battery { get; init; }

    /// <summary>Received signal strength, dBm (−150…0).</summary>
    [JsonPropertyName("rssi")] public int? Rssi { get; init; }

    /// <summary>Firmware version.</summary>
    [JsonPropertyName("fw")] public string? Firmware { get; init; }

    /// <summary>Vendor fault code, with <c>fault</c>.</summary>
    [JsonPropertyName("code")] public string? Code { get; init; }

    /// <summary>Someone is in bed (mattress).</summary>
    [JsonPropertyName("presence")] public bool? Presence { get; init; }

    /// <summary>Heart rate, beats per minute (0–250).</summary>
    [JsonPropertyName("hr")] public int? HeartRate { get; init; }

    /// <summary>Respiration rate, breaths per minute (0–80).</summary>
    [JsonPropertyName("rr")] public int? RespirationRate { get; init; }

    /// <summary>Movement intensity over the interval, 0–100.</summary>
    [JsonPropertyName("movement")] public int? Movement { get; init; }
}
