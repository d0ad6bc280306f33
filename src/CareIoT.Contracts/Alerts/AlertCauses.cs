namespace CareIoT.Contracts;

public static class AlertCauses
{
    /// <summary>Technical causes are tracked per device; life-safety causes once per site.</summary>
    public static bool IsPerDevice(AlertCause cause) =>
        cause is AlertCause.DeviceOffline or AlertCause.LowBattery or AlertCause.Tamper or AlertCause.DeviceFault;

    /// <summary>The key under which a site keeps its one open alert of this cause.</summary>
    public static string KeyOf(AlertCause cause, string deviceId) =>
        IsPerDevice(cause) ? $"{cause}/{deviceId}" : cause.ToString();
}
