using System.Text.Json;
using CareIoT.DeviceProtocol;

namespace CareIoT.Ingestion.Zigbee2Mqtt;

/// <summary>
/// Reads a gateway's <c>bridge/devices</c> list into friendly name → model. Devices named outside
/// our device-id rule (the coordinator, anything an installer did not name) and devices without a
/// definition (unsupported by Zigbee2MQTT) are left out: for them the decoder uses the defaults.
/// Each device's <c>definition.exposes</c> gives its profile (<see cref="Zigbee2MqttExposes"/>).
/// </summary>
internal static class Zigbee2MqttBridgeDevices
{
    /// <summary>The models by device, or null with the reason the list is not acceptable.</summary>
    /// <summary>The models by device and the profiles their exposes give, or null with the reason the list is not acceptable.</summary>
    public static Dictionary<string, string>? Read(JsonElement root, out Dictionary<string, Zigbee2MqttModel> profiles, out string error)
    {
        error = "";
        profiles = new Dictionary<string, Zigbee2MqttModel>(StringComparer.Ordinal);
        if (root.ValueKind != JsonValueKind.Array)
        {
            error = Zigbee2MqttJson.MustBe("bridge/devices", "an array", root);
            return null;
        }

        var models = new Dictionary<string, string>(StringComparer.Ordinal);
        var index = 0;
        foreach (var device in root.EnumerateArray())
        {
            if (Entry(device, out error) is ({ } name, var model))
            {
                if (model is not null && DeviceTopics.IsValidDeviceId(name))
                {
                    models[name] = model;
                    if (Profile(device, model) is { } profile)
                    {
                        profiles[name] = profile;
                    }
                }
            }
            else
            {
                error = $"device {index}: {error}";
                return null;
            }

            index++;
        }

        return models;
    }

    private static Zigbee2MqttModel? Profile(JsonElement device, string model)
    {
        var definition = device.GetProperty("definition");
        var vendor = definition.TryGetProperty("vendor", out var v) && v.ValueKind == JsonValueKind.String ? v.GetString()! : "";
        return definition.TryGetProperty("exposes", out var exposes) ? Zigbee2MqttExposes.Profile(model, vendor, exposes) : null;
    }

    private static (string? Name, string? Model) Entry(JsonElement device, out string error)
    {
        error = "";
        if (device.ValueKind != JsonValueKind.Object)
        {
            error = "must be an object";
            return default;
        }

        if (!device.TryGetProperty("friendly_name", out var name) || name.ValueKind != JsonValueKind.String)
        {
            error = "'friendly_name' must be a string";
            return default;
        }

        if (!device.TryGetProperty("definition", out var definition) || definition.ValueKind == JsonValueKind.Null)
        {
            return (name.GetString(), null);
        }

        if (definition.ValueKind != JsonValueKind.Object || !definition.TryGetProperty("model", out var model) || model.ValueKind != JsonValueKind.String)
        {
            error = "'definition' must be null or an object with a string 'model'";
            return default;
        }

        return (name.GetString(), model.GetString());
    }
}
