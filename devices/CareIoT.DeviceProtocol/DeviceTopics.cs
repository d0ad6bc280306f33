using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;

namespace CareIoT.DeviceProtocol;

/// <summary>
/// Topic names of protocol v1. A device publishes only under its own id:
/// <c>careiot/v1/devices/{deviceId}/{channel}</c>. Devices do not know where they are installed.
/// </summary>
public static partial class DeviceTopics
{
    public const string Prefix = "careiot/v1/devices";

    /// <summary>The filter the platform subscribes to: every channel of every device.</summary>
    public const string AllDevices = Prefix + "/+/+";

    public static string Events(string deviceId) => $"{Prefix}/{deviceId}/{DeviceChannels.Events}";

    public static string Status(string deviceId) => $"{Prefix}/{deviceId}/{DeviceChannels.Status}";

    public static string Telemetry(string deviceId) => $"{Prefix}/{deviceId}/{DeviceChannels.Telemetry}";

    /// <summary>Where the platform sends a device its receipts (<see cref="DeviceReceipt"/>); outside
    /// <see cref="Prefix"/>, so the platform's own subscriptions never take them back.</summary>
    public static string Receipts(string deviceId) => $"careiot/v1/receipts/{deviceId}";

    /// <summary>The topic a message of this type belongs on.</summary>
    public static string For(string deviceId, string type) =>
        $"{Prefix}/{deviceId}/{MessageTypes.ChannelOf(type) ?? throw new ArgumentException($"Unknown type '{type}'", nameof(type))}";

    /// <summary>Whether a device id is acceptable: 1–64 of A–Z, a–z, 0–9, '-' and '_'.</summary>
    public static bool IsValidDeviceId(string deviceId) => DeviceIdPattern().IsMatch(deviceId);

    /// <summary>Splits a topic of this protocol into device id and channel.</summary>
    public static bool TryParse(string topic, [NotNullWhen(true)] out string? deviceId, [NotNullWhen(true)] out string? channel)
    {
        deviceId = channel = null;
        var parts = topic.Split('/');
        if (parts.Length != 5 || $"{parts[0]}/{parts[1]}/{parts[2]}" != Prefix || !IsValidDeviceId(parts[3]))
        {
            return false;
        }

        deviceId = parts[3];
        channel = parts[4];
        return true;
    }

    [GeneratedRegex(@"^[A-Za-z0-9_-]{1,64}\z")]
    private static partial Regex DeviceIdPattern();
}
