namespace CareIoT.Contracts;

/// <summary>
/// Keeps device telemetry (vitals, battery, signal, online/offline) for charts and uptime reports.
/// Implementations must return at once and never throw: telemetry must not slow or break the alarm
/// path, and anything they cannot store yet they keep (spool) rather than lose.
/// </summary>
public interface ITelemetryRecorder
{
    /// <summary>An accepted message of a bound device.</summary>
    void DeviceMessage(DeviceBinding binding, DeviceMessage message);

    /// <summary>
    /// The device went online or offline at this time; <paramref name="cause"/> is the message type
    /// that did it (e.g. <c>Offline</c> for the last will, <c>Heartbeat</c>) or <c>Silent</c> when
    /// supervision found it quiet for too long. Uptime reports are computed from these transitions.
    /// </summary>
    void DeviceOnline(DeviceBinding binding, bool online, DateTimeOffset at, string cause);
}
