using System.Text.Json;
using System.Text.Unicode;

namespace CareIoT.Ingestion.Zigbee2Mqtt;

/// <summary>Parsing and typed reads shared by the state, availability and bridge readers.</summary>
internal static class Zigbee2MqttJson
{
    /// <summary>One JSON value and nothing else, or null with the syntax error.</summary>
    public static JsonDocument? Parse(ReadOnlySpan<byte> payload, out string error)
    {
        // Names and strings are compared as .NET strings; invalid UTF-8 would throw there.
        if (!Utf8.IsValid(payload))
        {
            error = "the payload is not valid UTF-8";
            return null;
        }

        try
        {
            var reader = new Utf8JsonReader(payload);
            var document = JsonDocument.ParseValue(ref reader);
            if (reader.Read())
            {
                document.Dispose();
                error = "the payload continues after its JSON value";
                return null;
            }

            error = "";
            return document;
        }
        catch (JsonException ex)
        {
            error = ex.Message;
            return null;
        }
    }

    /// <summary>A JSON number as a whole number (Zigbee2MQTT may send 97.5 for a battery), if it fits.</summary>
    public static bool TryGetInt(JsonElement value, out int number)
    {
        number = 0;
        if (value.ValueKind != JsonValueKind.Number || !value.TryGetDouble(out var real) || !double.IsFinite(real))
        {
            return false;
        }

        var rounded = Math.Round(real, MidpointRounding.AwayFromZero);
        if (rounded is < int.MinValue or > int.MaxValue)
        {
            return false;
        }

        number = (int)rounded;
        return true;
    }

    public static bool TryGetBool(JsonElement value, out bool flag)
    {
        flag = value.ValueKind == JsonValueKind.True;
        return value.ValueKind is JsonValueKind.True or JsonValueKind.False;
    }

    public static string MustBe(string key, string expected, JsonElement value) =>
        $"'{RejectDetail.Truncate(key, 40)}' must be {expected}, not {RejectDetail.Show(value)}";
}
