namespace CareIoT.Contracts;

/// <summary>A device's health as its grain knows it. Held in memory: no storage write per heartbeat.</summary>
[GenerateSerializer, Immutable, Alias("CareIoT.DeviceHealth")]
public sealed record DeviceHealth(
    string DeviceId,
    bool Online,
    DateTimeOffset? LastSeen,
    TimeSpan OfflineAfter,
    int? BatteryPercent,
    bool BatteryLow,
    int? SignalDbm,
    int? LinkQuality,
    string? Firmware,
    bool Smoke,
    bool Tamper,
    bool Fault);
