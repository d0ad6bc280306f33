using System.Globalization;
using System.Text.Json;

namespace CareIoT.CarrierPush;

/// <summary>Small readers for the platforms' loosely typed JSON (ids come as numbers or strings).</summary>
internal static class PushJson
{
    /// <summary>A scalar as text: a string as is, a number as written, true/false; null for anything else.</summary>
    public static string? Scalar(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString(),
        JsonValueKind.Number => value.GetRawText(),
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        _ => null,
    };

    public static string? Text(JsonElement parent, string name) =>
        parent.TryGetProperty(name, out var value) ? Scalar(value) : null;

    public static long? Integer(JsonElement parent, string name)
    {
        if (!parent.TryGetProperty(name, out var value))
        {
            return null;
        }

        if (value.ValueKind == JsonValueKind.Number)
        {
            return value.TryGetInt64(out var n) ? n : null;
        }

        return value.ValueKind == JsonValueKind.String && long.TryParse(value.GetString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var s) ? s : null;
    }

    /// <summary>The scalar members of an object as fields, with <paramref name="prefix"/>; null when a member is not a scalar or the object is empty.</summary>
    public static List<KeyValuePair<string, string>>? Fields(JsonElement obj, string prefix = "")
    {
        var fields = new List<KeyValuePair<string, string>>();
        foreach (var property in obj.EnumerateObject())
        {
            if (Scalar(property.Value) is not { } text)
            {
                return null;
            }

            fields.Add(new(prefix + property.Name, text));
        }

        return fields.Count == 0 ? null : fields;
    }

    public static DateTimeOffset? Millis(long? ms) =>
        ms is >= 0 and < 253402300799999 ? DateTimeOffset.FromUnixTimeMilliseconds(ms.Value) : null;
}
