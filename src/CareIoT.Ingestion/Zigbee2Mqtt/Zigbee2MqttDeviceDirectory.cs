using System.Collections.Concurrent;
using System.Collections.Frozen;

namespace CareIoT.Ingestion.Zigbee2Mqtt;

/// <summary>
/// Which Zigbee2MQTT model each device of each gateway is, and what its exposes say it can report,
/// learned from the gateways' <c>bridge/devices</c> lists. Thread-safe: all ingest partitions read it
/// while one of them replaces a gateway's list; a reader sees either the old list or the new one,
/// never a mix (models and profiles are replaced together).
/// </summary>
public sealed class Zigbee2MqttDeviceDirectory
{
    private readonly ConcurrentDictionary<string, Gateway> _gateways = new(StringComparer.Ordinal);

    /// <summary>Replaces everything known about the gateway: <c>bridge/devices</c> is always the full list.</summary>
    public void Replace(string gatewayId, IReadOnlyDictionary<string, string> modelsByDevice, IReadOnlyDictionary<string, Zigbee2MqttModel>? profilesByDevice = null) =>
        _gateways[gatewayId] = new Gateway(
            modelsByDevice.ToFrozenDictionary(StringComparer.Ordinal),
            (profilesByDevice ?? FrozenDictionary<string, Zigbee2MqttModel>.Empty).ToFrozenDictionary(StringComparer.Ordinal));

    /// <summary>The device's model, or null when the gateway has not said (yet) or does not support the device.</summary>
    public string? ModelOf(string gatewayId, string deviceId) =>
        _gateways.TryGetValue(gatewayId, out var gateway) && gateway.Models.TryGetValue(deviceId, out var model) ? model : null;

    /// <summary>What the device's exposes say it can report, or null (no emergency or fall exposed, or not learned).</summary>
    public Zigbee2MqttModel? ProfileOf(string gatewayId, string deviceId) =>
        _gateways.TryGetValue(gatewayId, out var gateway) && gateway.Profiles.TryGetValue(deviceId, out var profile) ? profile : null;

    /// <summary>The gateway's devices and their models, as last learned.</summary>
    public IReadOnlyDictionary<string, string> DevicesOf(string gatewayId) =>
        _gateways.TryGetValue(gatewayId, out var gateway) ? gateway.Models : FrozenDictionary<string, string>.Empty;

    private sealed record Gateway(FrozenDictionary<string, string> Models, FrozenDictionary<string, Zigbee2MqttModel> Profiles);
}
