using System.Text.Json;
using CareIoT.Contracts;

namespace CareIoT.CarrierPush;

/// <summary>
/// Reads and checks a product document:
/// <c>{"description": "…", "products": {"name": {"description": "…", "platform": "onenet"|"ctwing", "productId": "…",
/// "platformOffline": "Offline"|"Ignored", "fields": {"smoke_state": {"1": "SmokeAlarm", "0": "SmokeClear"}, "heartbeat": {"*": "Heartbeat"}}}}}</c>.
/// Strict, like the panel event map: unknown properties, duplicate names and unknown messages are errors.
/// </summary>
internal static class CarrierProductMapJson
{
    /// <summary>What a field value may mean; <c>Ignored</c> keeps it off the consoles (the report is still a sign of life).</summary>
    public static readonly IReadOnlyDictionary<string, DeviceMessageType?> Messages = new Dictionary<string, DeviceMessageType?>(StringComparer.Ordinal)
    {
        ["SmokeAlarm"] = DeviceMessageType.SmokeAlarm,
        ["SmokeClear"] = DeviceMessageType.SmokeClear,
        ["SmokeTest"] = DeviceMessageType.SmokeTest,
        ["Fault"] = DeviceMessageType.Fault,
        ["LowBattery"] = DeviceMessageType.LowBattery,
        ["Tamper"] = DeviceMessageType.Tamper,
        ["Heartbeat"] = DeviceMessageType.Heartbeat,
        ["Ignored"] = null,
    };

    public static Dictionary<string, CarrierProduct> Read(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException ex)
        {
            throw new FormatException($"The carrier product file is not valid JSON: {ex.Message}", ex);
        }

        using (document)
        {
            var root = document.RootElement;
            CheckObject(root, "$", "description", "products");
            if (!root.TryGetProperty("products", out var list) || list.ValueKind != JsonValueKind.Object)
            {
                throw Problem("$", "needs a \"products\" object (it may be empty).");
            }

            var products = new Dictionary<string, CarrierProduct>(StringComparer.OrdinalIgnoreCase);
            foreach (var entry in list.EnumerateObject())
            {
                var path = $"$.products.{entry.Name}";
                if (string.IsNullOrWhiteSpace(entry.Name) || entry.Name.Length > 64 || products.ContainsKey(entry.Name))
                {
                    throw Problem(path, "product names must be non-empty, at most 64 characters and distinct (ignoring case).");
                }

                products[entry.Name] = Product(entry.Name, entry.Value, path);
            }

            return products;
        }
    }

    private static CarrierProduct Product(string name, JsonElement product, string path)
    {
        CheckObject(product, path, "description", "platform", "productId", "platformOffline", "fields");
        if (!CarrierPlatforms.TryParse(product.TryGetProperty("platform", out var p) && p.ValueKind == JsonValueKind.String ? p.GetString() : null, out var platform))
        {
            throw Problem($"{path}.platform", $"must be \"{CarrierPlatforms.OneNetName}\" or \"{CarrierPlatforms.CtwingName}\".");
        }

        string? productId = null;
        if (product.TryGetProperty("productId", out var id))
        {
            productId = id.ValueKind is JsonValueKind.String or JsonValueKind.Number ? PushJson.Scalar(id) : null;
            if (string.IsNullOrWhiteSpace(productId))
            {
                throw Problem($"{path}.productId", "must be the platform's product id (a string or a number).");
            }
        }

        var offline = product.TryGetProperty("platformOffline", out var o) ? o.ValueKind == JsonValueKind.String ? o.GetString() : null : "Ignored";
        if (offline is not ("Offline" or "Ignored"))
        {
            throw Problem($"{path}.platformOffline", "must be \"Offline\" (a technical alert) or \"Ignored\" (NB-IoT sleeps; supervision notices silence).");
        }

        if (!product.TryGetProperty("fields", out var fields))
        {
            throw Problem(path, "needs a \"fields\" object.");
        }

        CheckObject(fields, $"{path}.fields");
        var table = new Dictionary<string, IReadOnlyDictionary<string, DeviceMessageType?>>(StringComparer.Ordinal);
        foreach (var field in fields.EnumerateObject())
        {
            var at = $"{path}.fields.{field.Name}";
            if (string.IsNullOrWhiteSpace(field.Name) || field.Name.Length > 128 || table.ContainsKey(field.Name))
            {
                throw Problem(at, "a field name is non-empty, at most 128 characters, each once.");
            }

            CheckObject(field.Value, at);
            var values = new Dictionary<string, DeviceMessageType?>(StringComparer.Ordinal);
            foreach (var value in field.Value.EnumerateObject())
            {
                var message = value.Value.ValueKind == JsonValueKind.String ? value.Value.GetString() : null;
                if (value.Name.Length == 0 || values.ContainsKey(value.Name))
                {
                    throw Problem($"{at}.{value.Name}", "a value is non-empty (or \"*\" for any value), each once.");
                }

                if (message is null || !Messages.TryGetValue(message, out var type))
                {
                    throw Problem($"{at}.{value.Name}", $"the message must be one of {string.Join(", ", Messages.Keys)}; it is {value.Value.GetRawText()}.");
                }

                values[value.Name] = type;
            }

            if (values.Count == 0)
            {
                throw Problem(at, "maps no value.");
            }

            table[field.Name] = values;
        }

        return new CarrierProduct(name, platform, productId, offline == "Offline", table);
    }

    private static void CheckObject(JsonElement element, string path, params string[] allowed)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw Problem(path, $"must be an object, not {element.ValueKind}.");
        }

        foreach (var property in element.EnumerateObject())
        {
            if (allowed.Length > 0 && !allowed.Contains(property.Name, StringComparer.Ordinal))
            {
                throw Problem($"{path}.{property.Name}", $"is not a known property here; expected {string.Join(", ", allowed)}.");
            }

            if (allowed.Length > 0 && property.Name == "description" && property.Value.ValueKind != JsonValueKind.String)
            {
                throw Problem($"{path}.description", "must be a string.");
            }
        }
    }

    private static FormatException Problem(string path, string message) => new($"Carrier product file, {path}: {message}");
}
