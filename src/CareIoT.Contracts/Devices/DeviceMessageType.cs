namespace CareIoT.Contracts;

/// <summary>The meaning of one decoded device message. Values are stable: never renumber.</summary>
public enum DeviceMessageType
{
    /// <summary>The resident pressed the call button.</summary>
    Press = 1,

    /// <summary>The resident cancelled a press (second press, cancel key).</summary>
    Cancel = 2,

    /// <summary>Periodic sign of life, with battery, signal and firmware.</summary>
    Heartbeat = 3,

    /// <summary>The smoke alarm sounds.</summary>
    SmokeAlarm = 4,

    /// <summary>The smoke has cleared.</summary>
    SmokeClear = 5,

    /// <summary>Someone pressed the smoke alarm's test button.</summary>
    SmokeTest = 6,

    /// <summary>The device's case was opened or it was taken off its mount.</summary>
    Tamper = 7,

    /// <summary>The device reports a fault of its own (sensor, sounder, chamber).</summary>
    Fault = 8,

    /// <summary>The battery is low.</summary>
    LowBattery = 9,

    /// <summary>The resident left the bed.</summary>
    BedExit = 10,

    /// <summary>The resident is back in bed.</summary>
    BedReturn = 11,

    /// <summary>Mattress telemetry: presence, heart rate, respiration, movement.</summary>
    Vitals = 12,

    /// <summary>The broker published the device's last will: its connection was lost.</summary>
    Offline = 13,

    /// <summary>A full state report (Zigbee2MQTT): the device grain derives events from its changes.</summary>
    StateReport = 14,

    /// <summary>The gateway reports the device available again (Zigbee2MQTT availability).</summary>
    Online = 15,

    /// <summary>The device saw no activity from the resident for longer than its own limit (a panel's well-being check).</summary>
    Inactivity = 16,
}
