using System.Net;
using System.Net.NetworkInformation;
using System.Net.Sockets;

namespace CareIoT.IntegrationTests;

/// <summary>What this machine exposes to its network: its own addresses and the kernel's listening sockets.</summary>
internal static class NetworkExposure
{
    /// <summary>This machine's IPv4 addresses other than loopback (none on an isolated machine).</summary>
    public static IReadOnlyList<IPAddress> NonLoopbackIPv4() =>
    [
        .. NetworkInterface.GetAllNetworkInterfaces()
            .SelectMany(n => n.GetIPProperties().UnicastAddresses)
            .Select(a => a.Address)
            .Where(a => a.AddressFamily == AddressFamily.InterNetwork && !IPAddress.IsLoopback(a))
            .Distinct(),
    ];

    /// <summary>
    /// The local addresses the kernel has a TCP socket listening on <paramref name="port"/> for
    /// (/proc/net/tcp and tcp6): 127.0.0.1 for loopback only, 0.0.0.0 or :: for every interface.
    /// </summary>
    public static IReadOnlyList<IPAddress> ListeningAddresses(int port) =>
        [.. Listening("/proc/net/tcp", port), .. Listening("/proc/net/tcp6", port)];

    /// <summary>Whether a TCP connection to <paramref name="address"/>:<paramref name="port"/> is accepted within 3 s.</summary>
    public static async Task<bool> AcceptsAsync(IPAddress address, int port)
    {
        using var client = new TcpClient(address.AddressFamily);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(3));
        try
        {
            await client.ConnectAsync(address, port, timeout.Token);
            return true;
        }
        catch (Exception e) when (e is SocketException or OperationCanceledException)
        {
            return false;
        }
    }

    /// <summary>The TCP sockets process <paramref name="pid"/> listens on (its socket inodes matched in /proc/net/tcp and tcp6).</summary>
    public static IReadOnlyList<IPEndPoint> ListeningSocketsOf(int pid)
    {
        var inodes = new HashSet<string>(StringComparer.Ordinal);
        foreach (var fd in Directory.EnumerateFiles($"/proc/{pid}/fd"))
        {
            var target = new FileInfo(fd).LinkTarget;
            if (target is not null && target.StartsWith("socket:[", StringComparison.Ordinal))
            {
                inodes.Add(target["socket:[".Length..^1]);
            }
        }

        return [.. Listeners("/proc/net/tcp").Concat(Listeners("/proc/net/tcp6")).Where(l => inodes.Contains(l.Inode)).Select(l => l.Local)];
    }

    private static IEnumerable<IPAddress> Listening(string table, int port) =>
        Listeners(table).Where(l => l.Local.Port == port).Select(l => l.Local.Address);

    private static IEnumerable<(IPEndPoint Local, string Inode)> Listeners(string table)
    {
        const string Listen = "0A";
        if (!File.Exists(table))
        {
            yield break;
        }

        foreach (var line in File.ReadLines(table).Skip(1))
        {
            var fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (fields[3] != Listen)
            {
                continue;
            }

            var local = fields[1].Split(':');
            // The kernel prints each 32-bit word of the address in host byte order.
            var bytes = Convert.FromHexString(local[0]);
            if (BitConverter.IsLittleEndian)
            {
                for (var i = 0; i < bytes.Length; i += 4)
                {
                    Array.Reverse(bytes, i, 4);
                }
            }

            yield return (new IPEndPoint(new IPAddress(bytes), Convert.ToInt32(local[1], 16)), fields[9]);
        }
    }
}
