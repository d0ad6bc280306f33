namespace CareIoT.DeviceProtocol;

/// <summary>The values of <c>type</c> in protocol v1.</summary>
public static class EventTypes
{
    public const string Press = "press";
    public const string Cancel = "cancel";
    public const string Heartbeat = "heartbeat";
}
