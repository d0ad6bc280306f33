using CareIoT.Contracts;

namespace CareIoT.Grains.Monitoring;

/// <summary>
/// The welfare check of a solitary elder's home: no sign of life — something a person did, not a
/// device heartbeat — for longer than the limit raises one Inactivity finding per silence.
/// </summary>
public sealed class HouseholdActivity(DateTimeOffset monitoringSince)
{
    private bool _reported;

    public DateTimeOffset LastSignOfLife { get; private set; } = monitoringSince;

    /// <summary>Human-caused events only: a heartbeat or a battery report proves nobody is well.</summary>
    public static bool IsSignOfLife(DeviceEvent deviceEvent) => deviceEvent.Kind switch
    {
        DeviceEventKind.CallPressed or DeviceEventKind.CallCancelled or DeviceEventKind.SmokeTested
            or DeviceEventKind.BedExited or DeviceEventKind.BedReturned => true,
        DeviceEventKind.VitalsReported => deviceEvent.Readings?.Movement > 0,
        _ => false,
    };

    public void OnSignOfLife(DateTimeOffset at)
    {
        if (at > LastSignOfLife)
        {
            LastSignOfLife = at;
            _reported = false;
        }
    }

    public AlertFinding? Tick(DateTimeOffset now, HouseholdThresholds thresholds)
    {
        if (thresholds.InactivityLimit is not { } limit || _reported || now - LastSignOfLife <= limit)
        {
            return null;
        }

        _reported = true;
        return new AlertFinding(AlertCause.Inactivity, AlertPriority.High,
            $"no sign of life since {LastSignOfLife:O} (limit {limit})", now, LastSignOfLife);
    }
}
