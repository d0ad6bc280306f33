using System.Text.Json;
using CareIoT.Contracts;

namespace CareIoT.Ingestion.Zigbee2Mqtt;

/// <summary>
/// What a device can report, read from the <c>definition.exposes</c> Zigbee2MQTT publishes for it in
/// <c>bridge/devices</c>, for models the table (<c>models.json</c>) does not list: the values of its
/// <c>action</c> that mean an emergency, its boolean emergency keys, and the status keys and values
/// that mean a fall. Arming actions (<c>arm_*</c>, <c>disarm</c>, <c>exit_delay</c>) are never among
/// them: only the words below count. Smoke, gas and carbon monoxide are read on every device.
/// </summary>
internal static class Zigbee2MqttExposes
{
    /// <summary>Every spelling of an emergency the pinned zigbee-herdsman-converters uses (action values and boolean keys).</summary>
    public static readonly IReadOnlyList<string> EmergencyWords = ["sos", "sos_alarm", "emergency", "panic", "emergency_panic", "fire_panic", "police_panic"];

    /// <summary>Status values that mean the resident fell.</summary>
    public static readonly IReadOnlyList<string> FallWords = ["fall", "falling"];

    // zigbee-herdsman-converters' access bit for "published in the state".
    private const int StateAccess = 1;

    /// <summary>The device's profile, or null when its exposes name no emergency and no fall.</summary>
    public static Zigbee2MqttModel? Profile(string model, string vendor, JsonElement exposes)
    {
        if (exposes.ValueKind != JsonValueKind.Array)
        {
            return null;
        }

        var actions = new List<string>();
        var keys = new List<string>();
        var fallKeys = new List<string>();
        var fallValues = new List<string>();
        foreach (var expose in Flatten(exposes))
        {
            if (!Published(expose, out var property, out var type))
            {
                continue;
            }

            if (type == "binary" && EmergencyWords.Contains(property))
            {
                keys.Add(property);
            }
            else if (type == "enum" && Values(expose) is { } values)
            {
                if (property == "action")
                {
                    actions.AddRange(values.Where(EmergencyWords.Contains));
                }
                else if ((property == "status" || property.Contains("fall", StringComparison.Ordinal)) && values.Intersect(FallWords).ToList() is { Count: > 0 } falls)
                {
                    fallKeys.Add(property);
                    fallValues.AddRange(falls);
                }
            }
        }

        if (actions.Count + keys.Count + fallKeys.Count == 0)
        {
            return null;
        }

        return new Zigbee2MqttModel
        {
            Model = model,
            Vendor = vendor,
            Kind = DeviceKind.CallButton,
            PressActions = [.. Zigbee2MqttModelCatalog.DefaultPressActions.Union(actions)],
            PressKeys = [.. keys.Distinct()],
            FallStatus = [.. fallValues.Distinct()],
            FallKeys = [.. fallKeys.Distinct()],
        };
    }

    private static IEnumerable<JsonElement> Flatten(JsonElement exposes)
    {
        foreach (var expose in exposes.EnumerateArray())
        {
            if (expose.ValueKind != JsonValueKind.Object)
            {
                continue;
            }

            yield return expose;
            if (expose.TryGetProperty("features", out var features) && features.ValueKind == JsonValueKind.Array)
            {
                foreach (var feature in Flatten(features))
                {
                    yield return feature;
                }
            }
        }
    }

    private static bool Published(JsonElement expose, out string property, out string type)
    {
        property = expose.TryGetProperty("property", out var p) && p.ValueKind == JsonValueKind.String ? p.GetString()! : "";
        type = expose.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString()! : "";
        var access = expose.TryGetProperty("access", out var a) && a.TryGetInt32(out var bits) ? bits : StateAccess;
        return property.Length > 0 && (access & StateAccess) != 0;
    }

    private static List<string>? Values(JsonElement expose) =>
        expose.TryGetProperty("values", out var values) && values.ValueKind == JsonValueKind.Array
            ? [.. values.EnumerateArray().Where(v => v.ValueKind == JsonValueKind.String).Select(v => v.GetString()!)]
            : null;
}
