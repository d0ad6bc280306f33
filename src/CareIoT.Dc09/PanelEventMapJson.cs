using System.Text.Json;

namespace CareIoT.Dc09;

/// <summary>
/// Reads and checks a panel event map document:
/// <c>{"description": "…", "vendors": {"name": {"description": "…", "contactId": {"101": "Fall", "3101": "Restore"}, "sia": {"FL": "Fall"}}}}</c>.
/// Strict, because a typo in a life-safety mapping should stop the host at start-up, not silently map a
/// fall to nothing: unknown properties, malformed keys, duplicate keys and unknown kinds are errors.
/// </summary>
internal static class PanelEventMapJson
{
    private static readonly string[] KindNames = Enum.GetNames<PanelEventKind>();

    public static Dictionary<string, PanelEventVendorTable> Read(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException ex)
        {
            throw new FormatException($"The panel event map is not valid JSON: {ex.Message}", ex);
        }

        using (document)
        {
            var root = document.RootElement;
            CheckObject(root, "$", "description", "vendors");
            if (!root.TryGetProperty("vendors", out var vendorList) || vendorList.ValueKind != JsonValueKind.Object)
            {
                throw Problem("$", "needs a \"vendors\" object (it may be empty).");
            }

            var vendors = new Dictionary<string, PanelEventVendorTable>(StringComparer.OrdinalIgnoreCase);
            foreach (var vendor in vendorList.EnumerateObject())
            {
                var path = $"$.vendors.{vendor.Name}";
                if (string.IsNullOrWhiteSpace(vendor.Name) || vendors.ContainsKey(vendor.Name))
                {
                    throw Problem(path, "vendor names must be non-empty and distinct (ignoring case).");
                }

                CheckObject(vendor.Value, path, "description", "contactId", "sia");
                vendors[vendor.Name] = new PanelEventVendorTable(
                    Codes(vendor.Value, path, "contactId", IsContactIdKey, "3 digits (event code, any qualifier) or 4 (qualifier 1, 3 or 6, then the event code)"),
                    Codes(vendor.Value, path, "sia", key => key.Length == 2 && key.All(char.IsAsciiLetterUpper), "2 uppercase letters (the SIA event code)"));
            }

            return vendors;
        }
    }

    private static Dictionary<string, PanelEventKind> Codes(JsonElement vendor, string path, string name, Func<string, bool> isKey, string keyRule)
    {
        var codes = new Dictionary<string, PanelEventKind>(StringComparer.Ordinal);
        if (!vendor.TryGetProperty(name, out var table))
        {
            return codes;
        }

        CheckObject(table, $"{path}.{name}");
        foreach (var entry in table.EnumerateObject())
        {
            var at = $"{path}.{name}.{entry.Name}";
            if (!isKey(entry.Name) || codes.ContainsKey(entry.Name))
            {
                throw Problem(at, $"a key is {keyRule}, each once.");
            }

            var kind = entry.Value.ValueKind == JsonValueKind.String ? entry.Value.GetString() : null;
            if (kind is null || !KindNames.Contains(kind, StringComparer.Ordinal))
            {
                throw Problem(at, $"the value must be one of {string.Join(", ", KindNames)}; it is {entry.Value.GetRawText()}.");
            }

            codes[entry.Name] = Enum.Parse<PanelEventKind>(kind);
        }

        return codes;
    }

    private static bool IsContactIdKey(string key) =>
        key.All(char.IsAsciiDigit) && (key.Length == 3 || (key.Length == 4 && key[0] is '1' or '3' or '6'));

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

            if (property.Name == "description" && property.Value.ValueKind != JsonValueKind.String)
            {
                throw Problem($"{path}.description", "must be a string.");
            }
        }
    }

    private static FormatException Problem(string path, string message) => new($"Panel event map, {path}: {message}");
}
