using System.Globalization;
using System.Text.Json;
using CareIoT.Contracts;

namespace CareIoT.Ingestion.Zigbee2Mqtt;

/// <summary>
/// Reads the keys we use from a device's Zigbee2MQTT state and tolerates every other key (Z2M
/// payloads carry many). A key we use with the wrong JSON type is refused; a null value means
/// "not known yet" in Zigbee2MQTT and is treated as absent.
/// </summary>
internal sealed class Zigbee2MqttStateReader(Zigbee2MqttModel? model)
{
    /// <summary>The state keys whose values become <see cref="DeviceReadings"/>.</summary>
    public static readonly IReadOnlyList<string> ReadingKeys =
        ["battery", "battery_low", "linkquality", "smoke", "gas", "carbon_monoxide", "tamper", "trouble", "fault", "test", "presence", "occupancy", "breathing_rate"];

    private readonly IReadOnlyList<string> _pressActions = model?.PressActions ?? Zigbee2MqttModelCatalog.DefaultPressActions;
    private DeviceReadings _readings = new();
    private bool _emergency;
    private DateTimeOffset? _lastSeen;
    private string? _namedDevice;

    /// <summary>The state, or null with the reason a key has the wrong type.</summary>
    public static Zigbee2MqttState? Read(JsonElement state, Zigbee2MqttModel? model, out string error)
    {
        var reader = new Zigbee2MqttStateReader(model);
        foreach (var property in state.EnumerateObject())
        {
            if (property.Value.ValueKind != JsonValueKind.Null && reader.Take(property.Name, property.Value) is { } invalid)
            {
                error = invalid;
                return null;
            }
        }

        error = "";
        return new Zigbee2MqttState(reader._readings, reader._emergency, reader._lastSeen, reader._namedDevice);
    }

    private string? Take(string key, JsonElement value) => key switch
    {
        "battery" => Int(key, value, n => _readings = _readings with { BatteryPercent = n }),
        "linkquality" => Int(key, value, n => _readings = _readings with { LinkQuality = n }),
        "breathing_rate" => Int(key, value, n => _readings = _readings with { RespirationRate = n }),
        "battery_low" => Bool(key, value, b => _readings = _readings with { BatteryLow = b }),
        // Gas and carbon monoxide are fire-class alarms: they raise what smoke raises.
        "smoke" or "gas" or "carbon_monoxide" => Switch(key, value, b => _readings = _readings with { Smoke = _readings.Smoke == true || b }),
        "tamper" => Bool(key, value, b => _readings = _readings with { Tamper = b }),
        "test" => Bool(key, value, b => _readings = _readings with { Test = b }),
        "trouble" or "fault" => Bool(key, value, b => _readings = _readings with { Fault = _readings.Fault == true || b }),
        "presence" or "occupancy" => Bool(key, value, b => _readings = _readings with { Presence = _readings.Presence == true || b }),
        "action" => Text(key, value, a => _emergency |= _pressActions.Contains(a)),
        "status" when model is { ReportsStatus: true } => Text(key, value, Status),
        _ when model?.FallKeys.Contains(key) == true => Text(key, value, Fall),
        "last_seen" => LastSeen(value),
        "device" => Device(value),
        _ when Zigbee2MqttModelCatalog.DefaultPressKeys.Contains(key) || model?.PressKeys.Contains(key) == true =>
            Switch(key, value, b => _emergency |= b),
        _ => null,
    };

    private void Status(string status)
    {
        if (model!.PresenceStatus.Contains(status) || model.AbsenceStatus.Contains(status) || model.FallStatus.Contains(status))
        {
            _readings = _readings with { Presence = model.PresenceStatus.Contains(status), Fall = model.FallStatus.Contains(status) };
        }
    }

    private void Fall(string status) => _readings = _readings with { Fall = _readings.Fall == true || model!.FallStatus.Contains(status) };

    // Zigbee2MQTT's last_seen is ISO 8601 (UTC or local with offset) or epoch milliseconds.
    private string? LastSeen(JsonElement value)
    {
        if (value.ValueKind == JsonValueKind.String &&
            DateTimeOffset.TryParse(value.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time))
        {
            _lastSeen = time;
        }
        else if (value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var ms) && ms is >= 0 and <= 253_402_300_799_999)
        {
            _lastSeen = DateTimeOffset.FromUnixTimeMilliseconds(ms);
        }

        return value.ValueKind is JsonValueKind.String or JsonValueKind.Number ? null : Zigbee2MqttJson.MustBe("last_seen", "a time", value);
    }

    private string? Device(JsonElement value)
    {
        if (value.ValueKind != JsonValueKind.Object)
        {
            return Zigbee2MqttJson.MustBe("device", "an object", value);
        }

        return value.TryGetProperty("friendlyName", out var name) && name.ValueKind != JsonValueKind.Null
            ? Text("device.friendlyName", name, n => _namedDevice = n)
            : null;
    }

    private static string? Int(string key, JsonElement value, Action<int> set) =>
        Zigbee2MqttJson.TryGetInt(value, out var n) ? Then(set, n) : Zigbee2MqttJson.MustBe(key, "a number", value);

    private static string? Bool(string key, JsonElement value, Action<bool> set) =>
        Zigbee2MqttJson.TryGetBool(value, out var b) ? Then(set, b) : Zigbee2MqttJson.MustBe(key, "true or false", value);

    // An alarm key of some converters publishes "ON"/"OFF" (its expose's value_on) instead of true/false.
    private static string? Switch(string key, JsonElement value, Action<bool> set) =>
        value.ValueKind == JsonValueKind.String && value.GetString() is "ON" or "OFF" ? Then(set, value.GetString() == "ON") : Bool(key, value, set);

    private static string? Text(string key, JsonElement value, Action<string> set) =>
        value.ValueKind == JsonValueKind.String ? Then(set, value.GetString()!) : Zigbee2MqttJson.MustBe(key, "a string", value);

    private static string? Then<T>(Action<T> set, T value)
    {
        set(value);
        return null;
    }
}
