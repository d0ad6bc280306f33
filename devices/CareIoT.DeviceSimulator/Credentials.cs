namespace CareIoT.DeviceSimulator;

/// <summary>Broker passwords per device, read from lines "DEVICE PASSWORD" as deploy/mosquitto-users.sh prints them.</summary>
public static class Credentials
{
    public static IReadOnlyDictionary<string, string> Load(string? path) =>
        path is null
            ? new Dictionary<string, string>()
            : File.ReadLines(path)
                .Select(line => line.Split(' ', 2, StringSplitOptions.TrimEntries))
                .Where(parts => parts.Length == 2)
                .ToDictionary(parts => parts[0], parts => parts[1]);
}
