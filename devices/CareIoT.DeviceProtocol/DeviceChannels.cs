namespace CareIoT.DeviceProtocol;

/// <summary>The last topic level: what kind of message a device sends.</summary>
public static class DeviceChannels
{
    /// <summary>Discrete events: press, cancel. QoS 1, never retained.</summary>
    public const string Events = "events";

    /// <summary>Heartbeat and health. QoS 1.</summary>
    public const string Status = "status";
}
