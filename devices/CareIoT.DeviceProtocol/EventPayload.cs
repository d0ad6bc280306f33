using System.Text.Json.Serialization;

namespace CareIoT.DeviceProtocol;

/// <summary>
/// The JSON body of every v1 message: <c>{"id": "...", "ts": "...", "type": "..."}</c>.
/// <c>id</c> is unique per device (redeliveries repeat it); <c>ts</c> is the device's clock, ISO 8601.
/// </summary>
public sealed record EventPayload(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("ts")] DateTimeOffset Ts,
    [property: JsonPropertyName("type")] string Type);
