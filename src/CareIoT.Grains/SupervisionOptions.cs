using CareIoT.Contracts;

namespace CareIoT.Grains;

/// <summary>
/// Configuration section <c>Supervision</c>: how often each device class sends a heartbeat and
/// how long it may stay silent before it counts as offline. A device's registry entry may override.
/// </summary>
public sealed class SupervisionOptions
{
    public const string Section = "Supervision";

    public Dictionary<DeviceKind, DeviceClassSupervision> Classes { get; set; } = new()
    {
        [DeviceKind.CallButton] = new() { Heartbeat = TimeSpan.FromMinutes(15), OfflineAfter = TimeSpan.FromMinutes(45) },
        [DeviceKind.SmokeAlarm] = new() { Heartbeat = TimeSpan.FromMinutes(15), OfflineAfter = TimeSpan.FromMinutes(45) },
        [DeviceKind.Mattress] = new() { Heartbeat = TimeSpan.FromSeconds(60), OfflineAfter = TimeSpan.FromMinutes(5) },
        // DC-09 panels: the common social-alarm setting is a daily periodic test (602) plus NULL link tests; a
        // binding may set a shorter limit for panels that poll every few minutes.
        [DeviceKind.AlarmPanel] = new() { Heartbeat = TimeSpan.FromHours(24), OfflineAfter = TimeSpan.FromHours(25) },
    };

    /// <summary>A reported battery level at or below this counts as low.</summary>
    public int LowBatteryPercent { get; set; } = 20;

    /// <summary>A low battery counts as replaced above this level (or when the device says it is not low).</summary>
    public int BatteryOkPercent { get; set; } = 50;

    /// <summary>
    /// When true a technical alert whose device restored itself stays open for an operator to confirm (a
    /// "Restored" note is journaled); when false (the default) the device's restore ends it.
    /// </summary>
    public bool OperatorConfirmsRestore { get; set; }

    public TimeSpan OfflineAfter(DeviceBinding binding) =>
        binding.OfflineAfter ?? (Classes.TryGetValue(binding.Kind, out var c) ? c.OfflineAfter : TimeSpan.FromMinutes(45));
}

public sealed class DeviceClassSupervision
{
    public TimeSpan Heartbeat { get; set; }

    public TimeSpan OfflineAfter { get; set; }
}
