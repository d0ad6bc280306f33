namespace CareIoT.Contracts;

/// <summary>The meaning of one decoded device message.</summary>
public enum DeviceMessageType
{
    /// <summary>The resident pressed the call button.</summary>
    Press = 1,

    /// <summary>The resident cancelled a press (second press, cancel key).</summary>
    Cancel = 2,

    /// <summary>Periodic sign of life.</summary>
    Heartbeat = 3,
}
