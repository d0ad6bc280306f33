using CareIoT.Contracts;

namespace CareIoT.Grains;

/// <summary>
/// Which technical alerts a device event ends: the device itself says the condition is gone. A device
/// speaking again ends "offline"; a battery clearly replaced ends "low battery"; a closed case ends
/// "tamper"; a cleared fault ends "fault". The first message since the twin woke (<c>Seen</c>) ends what
/// its readings contradict, since the twin cannot know the edge.
/// </summary>
internal static class TechnicalRestore
{
    public static IEnumerable<AlertCause> Ends(DeviceEvent deviceEvent, int batteryOkPercent) => deviceEvent.Kind switch
    {
        DeviceEventKind.BackOnline => [AlertCause.DeviceOffline],
        DeviceEventKind.BatteryOk => [AlertCause.LowBattery],
        DeviceEventKind.TamperRestored => [AlertCause.Tamper],
        DeviceEventKind.FaultCleared => [AlertCause.DeviceFault],
        DeviceEventKind.Seen => ContradictedBy(deviceEvent.Readings, batteryOkPercent),
        _ => [],
    };

    private static IEnumerable<AlertCause> ContradictedBy(DeviceReadings? readings, int batteryOkPercent)
    {
        yield return AlertCause.DeviceOffline;
        if (readings is null)
        {
            yield break;
        }

        if (readings.BatteryLow is false || readings.BatteryPercent > batteryOkPercent)
        {
            yield return AlertCause.LowBattery;
        }

        if (readings.Tamper is false)
        {
            yield return AlertCause.Tamper;
        }

        if (readings.Fault is false)
        {
            yield return AlertCause.DeviceFault;
        }
    }
}
