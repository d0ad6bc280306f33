namespace CareIoT.Contracts;

/// <summary>
/// Values a device reported with a message; every one is optional. Booleans of a state report
/// (<see cref="Smoke"/>, <see cref="Tamper"/>…) describe the device's current state, not an edge.
/// </summary>
[GenerateSerializer, Immutable, Alias("CareIoT.DeviceReadings")]
public sealed record DeviceReadings
{
    [Id(0)]
    public int? BatteryPercent { get; init; }

    [Id(1)]
    public bool? BatteryLow { get; init; }

    /// <summary>Received signal strength in dBm (native devices).</summary>
    [Id(2)]
    public int? SignalDbm { get; init; }

    /// <summary>Zigbee link quality, 0–255.</summary>
    [Id(3)]
    public int? LinkQuality { get; init; }

    [Id(4)]
    public string? Firmware { get; init; }

    [Id(5)]
    public string? FaultCode { get; init; }

    [Id(6)]
    public bool? Smoke { get; init; }

    [Id(7)]
    public bool? Tamper { get; init; }

    [Id(8)]
    public bool? Fault { get; init; }

    [Id(9)]
    public bool? Test { get; init; }

    [Id(10)]
    public bool? Presence { get; init; }

    [Id(11)]
    public bool? Fall { get; init; }

    /// <summary>Heart rate, beats per minute.</summary>
    [Id(12)]
    public int? HeartRate { get; init; }

    /// <summary>Respiration rate, breaths per minute.</summary>
    [Id(13)]
    public int? RespirationRate { get; init; }

    /// <summary>Movement intensity over the report interval, 0–100.</summary>
    [Id(14)]
    public int? Movement { get; init; }
}
