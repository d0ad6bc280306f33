namespace CareIoT.Grains;

/// <summary>What a device grain remembers between messages, in memory only.</summary>
internal sealed class DeviceCondition
{
    public bool Online { get; set; } = true;

    /// <summary>False until the first message since activation: what came before is not known here.</summary>
    public bool Known { get; set; }

    public DateTimeOffset? LastSeen { get; set; }

    public int? BatteryPercent { get; set; }

    public bool BatteryLow { get; set; }

    public int? SignalDbm { get; set; }

    public int? LinkQuality { get; set; }

    public string? Firmware { get; set; }

    public bool Smoke { get; set; }

    public bool Tamper { get; set; }

    public bool Fault { get; set; }

    public bool? Presence { get; set; }

    /// <summary>A working copy: a message changes the condition only once its events are durable.</summary>
    public DeviceCondition Copy() => (DeviceCondition)MemberwiseClone();
}
