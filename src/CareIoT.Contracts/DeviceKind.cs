namespace CareIoT.Contracts;

/// <summary>What a device is, as the installer registered it.</summary>
public enum DeviceKind
{
    CallButton = 1,
    SmokeAlarm = 2,
    Mattress = 3,
}
