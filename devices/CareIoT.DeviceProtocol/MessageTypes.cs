namespace CareIoT.DeviceProtocol;

/// <summary>The values of <c>type</c> in protocol v1, and the channel each belongs on.</summary>
public static class MessageTypes
{
    public const string Press = "press";
    public const string Cancel = "cancel";
    public const string LowBattery = "low_battery";
    public const string SmokeAlarm = "smoke_alarm";
    public const string SmokeClear = "smoke_clear";
    public const string SmokeTest = "smoke_test";
    public const string Tamper = "tamper";
    public const string Fault = "fault";
    public const string BedExit = "bed_exit";
    public const string BedReturn = "bed_return";
    public const string Heartbeat = "heartbeat";
    public const string Offline = "offline";
    public const string Vitals = "vitals";

    /// <summary>The channel a type must be published on.</summary>
    public static string? ChannelOf(string type) => type switch
    {
        Press or Cancel or LowBattery or SmokeAlarm or SmokeClear or SmokeTest or Tamper or Fault or BedExit or BedReturn
            => DeviceChannels.Events,
        Heartbeat or Offline => DeviceChannels.Status,
        Vitals => DeviceChannels.Telemetry,
        _ => null,
    };
}
