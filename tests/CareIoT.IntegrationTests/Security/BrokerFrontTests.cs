using System.Diagnostics;
using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Text;
using MQTTnet;
using MQTTnet.Exceptions;
using Xunit.Abstractions;

namespace CareIoT.IntegrationTests;

/// <summary>
/// The broker's TLS front (HAProxy, deploy/haproxy.cfg) on the real services: Mosquitto parses no TLS
/// from the network, a storm of failing handshakes leaves both running, wrong passwords from one
/// source are cut off, and a certificate device logs in only under its own id.
/// </summary>
[Collection(HttpsHostCollection.Name)]
public sealed class BrokerFrontTests(HttpsHostFixture host, ITestOutputHelper output)
{
    private const int FailuresPerMinute = 10; // deploy/lib.sh MQTT_LOGIN_FAILURES_PER_MINUTE

    [Fact]
    public void TheBrokerListensOnLoopbackOnlyAndTheTlsPortsBelongToTheProxy()
    {
        var broker = ServicePid("mosquitto");
        var proxy = ServicePid("tlsproxy");

        var brokerListens = NetworkExposure.ListeningSocketsOf(broker);
        Assert.NotEmpty(brokerListens);
        Assert.All(brokerListens, l => Assert.True(IPAddress.IsLoopback(l.Address), $"Mosquitto listens on {l}"));
        var proxyFamily = new[] { proxy }.Concat(ChildrenOf(proxy)).SelectMany(NetworkExposure.ListeningSocketsOf).ToList();
        Assert.Contains(proxyFamily, l => l.Port == host.Services.MqttsPort);
        Assert.Contains(proxyFamily, l => l.Port == host.Services.MqttCertPort);
        Assert.DoesNotContain(brokerListens, l => l.Port == host.Services.MqttsPort || l.Port == host.Services.MqttCertPort);
    }

    [Fact]
    public async Task AStormOfFailingHandshakesLeavesTheBrokerAndTheProxyRunningAndDevicesStillConnect()
    {
        var broker = ServicePid("mosquitto");
        var proxy = ServicePid("tlsproxy");
        var storm = Path.Combine(TestPaths.RepositoryRoot, "tests", "tools", "tls-handshake-storm.sh");

        foreach (var port in new[] { host.Services.MqttsPort, host.Services.MqttCertPort })
        {
            var (exit, text) = await RunAsync("bash", $"{storm} {port} {broker} 1 16");
            output.WriteLine(text);
            Assert.Equal(0, exit);
        }

        Assert.True(Alive(proxy), "the TLS proxy died in the storm");
        Assert.True(Alive(broker), "the broker died in the storm");
        var device = $"it-storm-{Guid.NewGuid():N}"[..20];
        var password = host.Services.IssueCredentials(device)[device];
        var connected = await Eventually.TrueAsync(async () =>
        {
            await using var tls = new TlsDevice(host.Services);
            return (await tls.ConnectWithPasswordAsync(device, password)).ResultCode == MqttClientConnectResultCode.Success;
        }, TimeSpan.FromSeconds(15));
        Assert.True(connected, "a device with good credentials could not connect over TLS after the storm");
    }

    [Fact]
    public async Task WrongPasswordsFromOneSourceAreCutOffWhileOtherSourcesGoOn()
    {
        var device = $"it-guess-{Guid.NewGuid():N}"[..20];
        var password = host.Services.IssueCredentials(device)[device];
        // A source address of its own on loopback, so no other test shares its count.
        var attacker = new IPAddress([127, (byte)Random.Shared.Next(1, 255), (byte)Random.Shared.Next(1, 255), 2]);
        var neighbour = new IPAddress([attacker.GetAddressBytes()[0], attacker.GetAddressBytes()[1], attacker.GetAddressBytes()[2], 3]);
        await Eventually.TrueAsync(async () => await RawMqttLogin.TryAsync(neighbour, host.Services.MqttsPort, device, password) == 0, TimeSpan.FromSeconds(10));

        var refusedLogins = 0;
        var cutOffAfter = -1;
        for (var attempt = 1; attempt <= FailuresPerMinute + 5; attempt++)
        {
            var code = await RawMqttLogin.TryAsync(attacker, host.Services.MqttsPort, device, "wrong-" + attempt);
            if (code is null)
            {
                cutOffAfter = attempt;
                break;
            }

            Assert.Equal(5, code); // MQTT 3.1.1: not authorised
            refusedLogins++;
        }

        output.WriteLine($"{refusedLogins} refused logins, then the connection was refused (attempt {cutOffAfter})");
        Assert.InRange(refusedLogins, FailuresPerMinute, FailuresPerMinute + 1);
        Assert.NotEqual(-1, cutOffAfter);
        Assert.Null(await RawMqttLogin.TryAsync(attacker, host.Services.MqttsPort, device, password)); // the source itself stays out for now
        Assert.Equal(0, await RawMqttLogin.TryAsync(neighbour, host.Services.MqttsPort, device, password));
    }

    [Fact]
    public async Task ACertificateDeviceLogsInOnlyUnderTheIdItsCertificateNames()
    {
        var (device, other) = ($"it-cn-{Guid.NewGuid():N}"[..18], $"it-cn-{Guid.NewGuid():N}"[..18]);
        var pem = DevicePem.Read(host.Services.IssueDeviceCertificate(device));
        host.Services.IssueDeviceCertificate(other);

        Assert.False(await ConnectsAsync(pem, other), "a certificate logged in under another device's id");
        Assert.False(await ConnectsAsync(pem, null), "a certificate logged in without a username");
        Assert.True(await ConnectsAsync(pem, ""), "a certificate did not log in under its own id");
    }

    private async Task<bool> ConnectsAsync(DevicePem pem, string? username)
    {
        await using var device = new TlsDevice(host.Services);
        try
        {
            return (await device.ConnectWithCertificateAsync(pem, username)).ResultCode == MqttClientConnectResultCode.Success;
        }
        catch (MqttCommunicationException)
        {
            return false;
        }
    }

    private static int ServicePid(string service) =>
        int.Parse(File.ReadAllText(Path.Combine(TestPaths.StateDirectory, "run", $"{service}.pid")).Trim(), System.Globalization.CultureInfo.InvariantCulture);

    private static bool Alive(int pid) => Directory.Exists($"/proc/{pid}");

    private static IEnumerable<int> ChildrenOf(int pid)
    {
        var file = $"/proc/{pid}/task/{pid}/children";
        return File.Exists(file)
            ? File.ReadAllText(file).Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(p => int.Parse(p, System.Globalization.CultureInfo.InvariantCulture))
            : [];
    }

    private static async Task<(int Exit, string Output)> RunAsync(string file, string arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(file, arguments) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        var text = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, text);
    }

    /// <summary>One MQTT 3.1.1 login over TLS from a chosen loopback source address, written by hand so the source can be chosen.</summary>
    private static class RawMqttLogin
    {
        /// <summary>The CONNACK's return code, or null when the connection was refused or closed before one came.</summary>
        public static async Task<int?> TryAsync(IPAddress source, int port, string username, string password)
        {
            using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            socket.Bind(new IPEndPoint(source, 0));
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            try
            {
                await socket.ConnectAsync(new IPEndPoint(IPAddress.Loopback, port), timeout.Token);
                await using var tls = new SslStream(new NetworkStream(socket, ownsSocket: false), false, (_, _, _, _) => true);
                await tls.AuthenticateAsClientAsync(new SslClientAuthenticationOptions { TargetHost = "localhost" }, timeout.Token);
                await tls.WriteAsync(Connect(username, password), timeout.Token);
                var connack = new byte[4];
                await tls.ReadExactlyAsync(connack, timeout.Token);
                return connack[0] == 0x20 ? connack[3] : null;
            }
            catch (Exception e) when (e is SocketException or IOException or System.Security.Authentication.AuthenticationException or OperationCanceledException)
            {
                return null;
            }
        }

        private static byte[] Connect(string username, string password)
        {
            var body = new List<byte> { 0, 4, (byte)'M', (byte)'Q', (byte)'T', (byte)'T', 4, 0xC2, 0, 60 };
            foreach (var text in new[] { username, username, password })
            {
                var bytes = Encoding.UTF8.GetBytes(text);
                body.AddRange([(byte)(bytes.Length >> 8), (byte)bytes.Length, .. bytes]);
            }

            return [0x10, (byte)body.Count, .. body];
        }
    }
}
