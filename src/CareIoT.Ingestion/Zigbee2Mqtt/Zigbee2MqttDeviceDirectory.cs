using System.Collections.Concurrent;
using System.Collections.Frozen;

namespace CareIoT.Ingestion.Zigbee2Mqtt;

/// <summary>
/// Which Zigbee2MQTT model each device of each gateway is, learned from the gateways'
/// <c>bridge/devices</c> lists. Thread-safe: all ingest partitions read it while one of them
/// replaces a gateway's list; a reader sees either the old list or the new one, never a mix.
/// </summary>
public sealed class Zigbee2MqttDeviceDirectory
{
    private readonly ConcurrentDictionary<string, FrozenDictionary<string, string>> _gateways = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, FrozenDictionary<string, Zigbee2MqttModel>> _profiles = new(StringComparer.Ordinal);

    /// <summary>Replaces everything known about the gateway: <c>bridge/devices</c> is always the full list.</summary>
    public void Replace(string gatewayId, IReadOnlyDictionary<string, string> modelsByDevice, IReadOnlyDictionary<string, Zigbee2MqttModel>? profilesByDevice = null)
    {
        _profiles[gatewayId] = (profilesByDevice ?? new Dictionary<string, Zigbee2MqttModel>()).ToFrozenDictionary(StringComparer.Ordinal);
        _gateways[gatewayId] = modelsByDevice.ToFrozenDictionary(StringComparer.Ordinal);
    }

    /// <summary>What the device's exposes say it can report, or null (no emergency or fall exposed, or not learned).</summary>
    public Zigbee2MqttModel? ProfileOf(string gatewayId, string deviceId) =>
        _profiles.TryGetValue(gatewayId, out var devices) && devices.TryGetValue(deviceId, out var profile) ? profile : null;

    /// <summary>The device's model, or null when the gateway has not said (yet) or does not support the device.</summary>
    public string? ModelOf(string gatewayId, string deviceId) =>
        _gateways.TryGetValue(gatewayId, out var devices) && devices.TryGetValue(deviceId, out var model) ? model : null;

    /// <summary>The gateway's devices and their models, as last learned.</summary>
    public IReadOnlyDictionary<string, string> DevicesOf(string gatewayId) =>
        _gateways.TryGetValue(gatewayId, out var devices) ? devices : FrozenDictionary<string, string>.Empty;
}
