using System.Text.Json;

namespace CareIoT.Ingestion.Tests.Zigbee2Mqtt;

/// <summary>devices/zigbee2mqtt/exposes.json: the keys zigbee-herdsman-converters says each model publishes.</summary>
internal sealed class ExposesFile
{
    private static readonly Lazy<ExposesFile> Instance = new(() => Parse(File.ReadAllText(Path.Combine(Zigbee2MqttTestData.Root, "exposes.json"))));

    private ExposesFile(IReadOnlyDictionary<string, ExposedModel> models, IReadOnlyDictionary<string, string> zigbee2MqttKeys)
    {
        Models = models;
        Zigbee2MqttKeys = zigbee2MqttKeys;
    }

    public static ExposesFile Load() => Instance.Value;

    public IReadOnlyDictionary<string, ExposedModel> Models { get; }

    /// <summary>Keys Zigbee2MQTT itself adds to every state (linkquality, last_seen…) with their type.</summary>
    public IReadOnlyDictionary<string, string> Zigbee2MqttKeys { get; }

    public ExposedModel this[string model] => Models.TryGetValue(model, out var found) ? found : throw new KeyNotFoundException($"exposes.json has no model '{model}'");

    private static ExposesFile Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        var zigbee2MqttKeys = root.GetProperty("zigbee2mqttKeys").EnumerateObject()
            .ToDictionary(k => k.Name, k => k.Value.GetProperty("type").GetString()!);
        var models = root.GetProperty("models").EnumerateObject().ToDictionary(
            m => m.Name,
            m => new ExposedModel(
                m.Value.GetProperty("vendor").GetString()!,
                m.Value.GetProperty("keys").EnumerateObject().ToDictionary(k => k.Name, k => ExposedKey.From(k.Value))));
        return new ExposesFile(models, zigbee2MqttKeys);
    }
}

internal sealed record ExposedModel(string Vendor, IReadOnlyDictionary<string, ExposedKey> Keys)
{
    public IReadOnlyList<string> ValuesOf(string key) => Keys.TryGetValue(key, out var exposed) ? exposed.Values : [];
}

/// <summary>One exposed key: its type, enum values, and what a binary sends for on and off.</summary>
internal sealed record ExposedKey(string Type, IReadOnlyList<string> Values, string? ValueOn, string? ValueOff)
{
    public static ExposedKey From(JsonElement key) => new(
        key.GetProperty("type").GetString()!,
        key.TryGetProperty("values", out var values) ? [.. values.EnumerateArray().Select(v => v.GetString()!)] : [],
        key.TryGetProperty("value_on", out var on) ? on.GetRawText() : null,
        key.TryGetProperty("value_off", out var off) ? off.GetRawText() : null);
}
