using CareIoT.Contracts;

namespace CareIoT.Ingestion.Zigbee2Mqtt;

/// <summary>
/// One row of <c>devices/zigbee2mqtt/models.json</c>: a Zigbee2MQTT model (as <c>bridge/devices</c>
/// reports it in <c>definition.model</c>), what kind of device it is for us, and which of its
/// state values announce an emergency or say where the resident is.
/// </summary>
public sealed record Zigbee2MqttModel
{
    public required string Model { get; init; }

    public required string Vendor { get; init; }

    public required DeviceKind Kind { get; init; }

    /// <summary>Values of <c>action</c> that are an emergency call (the resident pressed the button).</summary>
    public IReadOnlyList<string> PressActions { get; init; } = [];

    /// <summary>Boolean state keys that announce an emergency when true (<c>sos</c> always does).</summary>
    public IReadOnlyList<string> PressKeys { get; init; } = [];

    /// <summary>Values of <c>status</c> that mean the resident is in bed.</summary>
    public IReadOnlyList<string> PresenceStatus { get; init; } = [];

    /// <summary>Values of <c>status</c> that mean the resident is not in bed.</summary>
    public IReadOnlyList<string> AbsenceStatus { get; init; } = [];

    /// <summary>Values of <c>status</c> that mean the resident fell.</summary>
    public IReadOnlyList<string> FallStatus { get; init; } = [];

    /// <summary>
    /// State keys besides <c>status</c> whose values in <see cref="FallStatus"/> mean a fall (e.g. a
    /// radar's <c>fall_down_status</c>); learned from a device's exposes, or listed here.
    /// </summary>
    public IReadOnlyList<string> FallKeys { get; init; } = [];

    /// <summary>Whether this model's <c>status</c> key describes the resident (only then is it read).</summary>
    public bool ReportsStatus => PresenceStatus.Count + AbsenceStatus.Count + FallStatus.Count > 0;
}
