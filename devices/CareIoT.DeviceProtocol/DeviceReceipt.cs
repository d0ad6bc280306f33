using System.Buffers;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace CareIoT.DeviceProtocol;

/// <summary>
/// The platform's end-to-end receipt for an event (<c>{"id":"…"}</c> on <see cref="DeviceTopics.Receipts"/>):
/// sent once the event is in the journal and on the consoles, not when the broker took it. The broker's
/// PUBACK is not enough — Mosquitto keeps queued messages in memory between autosaves, so a broker crash
/// can lose an event it already acknowledged. A device keeps each event until its receipt arrives and
/// sends it again with the same id every <see cref="ResendAfter"/>; the platform drops the repeat and
/// answers it with a receipt again.
/// </summary>
public sealed record DeviceReceipt([property: JsonPropertyName("id")] string Id)
{
    /// <summary>How long a device waits for the receipt before it sends the event again.</summary>
    public static readonly TimeSpan ResendAfter = TimeSpan.FromSeconds(3);

    public byte[] Serialize() => JsonSerializer.SerializeToUtf8Bytes(this);

    /// <summary>The receipt in an MQTT payload, or null if it is not one.</summary>
    public static DeviceReceipt? TryParse(in ReadOnlySequence<byte> payload)
    {
        try
        {
            var reader = new Utf8JsonReader(payload);
            return JsonSerializer.Deserialize<DeviceReceipt>(ref reader) is { Id.Length: > 0 } receipt ? receipt : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
