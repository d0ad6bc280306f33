namespace CareIoT.Contracts;

/// <summary>What a device is, as the installer registered it.</summary>
public enum DeviceKind
{
    CallButton = 1,
    SmokeAlarm = 2,
    Mattress = 3,

    /// <summary>A home-alarm panel reporting over ANSI/SIA DC-09 (Contact ID or SIA codes).</summary>
    AlarmPanel = 4,
}
