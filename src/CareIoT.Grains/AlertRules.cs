using CareIoT.Contracts;

namespace CareIoT.Grains;

/// <summary>
/// Which device events are alerts, and how urgent. Fire outranks everything; a call-button press
/// or a fall is a personal emergency; a silent, tampered, faulty or flat device is technical.
/// </summary>
public static class AlertRules
{
    public static AlertDecision? Decide(DeviceEvent deviceEvent) => deviceEvent.Kind switch
    {
        DeviceEventKind.SmokeDetected => new(AlertCause.Fire, AlertPriority.Highest),
        DeviceEventKind.CallPressed => new(AlertCause.PersonalEmergency, AlertPriority.Critical),
        DeviceEventKind.FallDetected => new(AlertCause.Fall, AlertPriority.Critical),
        DeviceEventKind.InactivityReported => new(AlertCause.Inactivity, AlertPriority.High),
        DeviceEventKind.WentOffline => new(AlertCause.DeviceOffline, AlertPriority.Normal),
        DeviceEventKind.Tampered => new(AlertCause.Tamper, AlertPriority.Normal),
        DeviceEventKind.Faulted => new(AlertCause.DeviceFault, AlertPriority.Normal),
        DeviceEventKind.BatteryLow => new(AlertCause.LowBattery, AlertPriority.Low),
        _ => null,
    };

    /// <summary>
    /// Events that do not raise an alert but belong in the history of an open one: the smoke cleared,
    /// the resident cancelled. Closing a life-safety alert stays a person's decision (technical alerts
    /// end with their device: <see cref="TechnicalRestore"/>).
    /// </summary>
    public static (AlertCause Cause, string Note)? NoteFor(DeviceEvent deviceEvent) => deviceEvent.Kind switch
    {
        DeviceEventKind.SmokeCleared => (AlertCause.Fire, "SmokeCleared"),
        DeviceEventKind.CallCancelled => (AlertCause.PersonalEmergency, "CancelRequested"),
        _ => null,
    };
}
