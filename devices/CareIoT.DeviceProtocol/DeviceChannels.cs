namespace CareIoT.DeviceProtocol;

/// <summary>The last topic level: what kind of message a device sends.</summary>
public static class DeviceChannels
{
    /// <summary>Discrete events (press, smoke alarm, bed exit…). QoS 1, never retained.</summary>
    public const string Events = "events";

    /// <summary>Heartbeat and the last will. QoS 1.</summary>
    public const string Status = "status";

    /// <summary>Periodic mattress vitals, every 1–30 s. QoS 0 or 1.</summary>
    public const string Telemetry = "telemetry";
}
