using System.Security.Cryptography;
using System.Text;
using CareIoT.Contracts;
using CareIoT.Dc09;

namespace CareIoT.PanelReceiver;

/// <summary>
/// Turns the events of one DC-09 frame into the device messages a native device would have sent, so
/// a panel's alarms, restores and heartbeats go through the same device grain, rules and console.
/// </summary>
public static class PanelMessageMapper
{
    // A frame without its own timestamp is told apart from a later one with the same sequence and data
    // (a panel restarts at 0001) by the 10-minute window it arrived in; retransmissions come sooner.
    private static readonly TimeSpan PlainFrameWindow = TimeSpan.FromMinutes(10);

    public static IReadOnlyList<DeviceMessage> ToMessages(string deviceId, Dc09Frame frame, IReadOnlyList<PanelEvent> events, DateTimeOffset receivedAt)
    {
        var identity = Identity(frame, receivedAt);
        var messages = new List<DeviceMessage>(events.Count);
        for (var i = 0; i < events.Count; i++)
        {
            var (type, readings) = Meaning(events[i]);
            messages.Add(new DeviceMessage(deviceId, $"dc09-{identity}-{i}", type, frame.Timestamp ?? receivedAt, receivedAt, readings));
        }

        return messages;
    }

    /// <summary>What a panel event means in the native protocol's terms.</summary>
    public static (DeviceMessageType Type, DeviceReadings? Readings) Meaning(PanelEvent e) => e.Kind switch
    {
        PanelEventKind.Emergency => (DeviceMessageType.Press, null),
        PanelEventKind.Fire => (DeviceMessageType.SmokeAlarm, null),
        PanelEventKind.Restore when IsFire(e.Code) => (DeviceMessageType.SmokeClear, null),
        PanelEventKind.Restore => (DeviceMessageType.Cancel, null),
        PanelEventKind.Trouble => (DeviceMessageType.Fault, new DeviceReadings { Fault = true, FaultCode = e.Code }),
        PanelEventKind.TroubleRestore => (DeviceMessageType.StateReport, new DeviceReadings { Fault = false }),
        PanelEventKind.Fall => (DeviceMessageType.StateReport, new DeviceReadings { Fall = true }),
        PanelEventKind.Inactivity => (DeviceMessageType.Inactivity, null),
        // A code nobody mapped: a technical alert (device fault) that names the code and carries the panel's text.
        PanelEventKind.Generic => (DeviceMessageType.Fault, new DeviceReadings { Fault = true, FaultCode = e.Describe() }),
        // A periodic test, a link test, or a code the centre does not act on: the panel is alive.
        _ => (DeviceMessageType.Heartbeat, null),
    };

    // Contact ID 11x (fire) in a qualified code such as "3110"; SIA fire codes start with F, heat codes with K.
    private static bool IsFire(string code) =>
        code.Length == 4 && char.IsAsciiDigit(code[0]) ? code[1..].StartsWith("11", StringComparison.Ordinal) : code.StartsWith('F') || code.StartsWith('K');

    private static string Identity(Dc09Frame frame, DateTimeOffset receivedAt)
    {
        var when = frame.Timestamp is { } stamp
            ? stamp.UtcTicks.ToString(System.Globalization.CultureInfo.InvariantCulture)
            : $"w{receivedAt.UtcTicks / PlainFrameWindow.Ticks}";
        var digest = SHA256.HashData(Encoding.UTF8.GetBytes($"{frame.Token}|{frame.Account}|{frame.Data}|{when}"));
        return $"{frame.Sequence:D4}-{Convert.ToHexStringLower(digest.AsSpan(0, 6))}";
    }
}
