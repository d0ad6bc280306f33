using System.Diagnostics;
using System.Net.Sockets;
using Xunit.Abstractions;

namespace CareIoT.IntegrationTests.Chaos;

/// <summary>
/// A crashed broker (or its TLS proxy) does not stay down: <c>deploy/services.sh supervise</c> (what the run command
/// runs beside the services) starts it again within seconds, and a press made meanwhile reaches the
/// console without anyone's help. Runs with the chaos run, alone, because it kills the shared broker.
/// </summary>
[Trait("Category", "Chaos")]
[Collection(ChaosCollection.Name)]
public sealed class BrokerSupervisionTests(ChaosCluster cluster, ITestOutputHelper output)
{
    [Fact]
    public async Task AKilledBrokerIsBackWithinSecondsAndAPressMadeMeanwhileReachesTheConsole()
    {
        using var api = new CareIoTApi(cluster.SiloB.BaseAddress);
        var (household, device) = await api.RegisterHouseholdWithCallButtonAsync();
        var password = cluster.Services.IssueCredentials(device)[device];
        using var supervisor = await SuperviseAsync("mosquitto");
        try
        {
            var killed = Stopwatch.StartNew();
            cluster.Services.Signal("KILL", "mosquitto");

            var back = await Eventually.TrueAsync(() => Task.FromResult(PortOpen(cluster.Services.MqttPort)), TimeSpan.FromSeconds(10));
            output.WriteLine($"broker back after {killed.Elapsed.TotalSeconds:F1} s");
            Assert.True(back, "the supervisor did not start the killed broker again within 10 s");
            Assert.InRange(killed.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(5));

            var fleet = new ChaosFleet(cluster.Services.MqttHost, cluster.Services.MqttPort, new Dictionary<string, string> { [device] = password });
            await fleet.PressAsync(device, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(30));
            Assert.NotNull(await Eventually.ValueAsync(async () => (await api.HouseholdAlertsAsync(household)).FirstOrDefault(), TimeSpan.FromSeconds(15), "alert after the broker's crash"));
        }
        finally
        {
            // The supervisor alone: the broker it started again is the services' (deploy/services.sh stops it).
            supervisor.Kill(entireProcessTree: false);
            await supervisor.WaitForExitAsync();
        }
    }

    [Fact]
    public async Task AKilledTlsProxyIsBackWithinSecondsAndDevicesOnTheNetworkConnectAgain()
    {
        var device = $"it-front-{Guid.NewGuid():N}"[..20];
        var password = cluster.Services.IssueCredentials(device)[device];
        using var supervisor = await SuperviseAsync("tlsproxy");
        try
        {
            var killed = Stopwatch.StartNew();
            cluster.Services.Signal("KILL", "tlsproxy");

            var connected = await Eventually.TrueAsync(async () =>
            {
                await using var tls = new TlsDevice(cluster.Services);
                try
                {
                    return (await tls.ConnectWithPasswordAsync(device, password)).ResultCode == MQTTnet.MqttClientConnectResultCode.Success;
                }
                catch (MQTTnet.Exceptions.MqttCommunicationException)
                {
                    return false;
                }
            }, TimeSpan.FromSeconds(15));
            output.WriteLine($"a device connected over TLS again {killed.Elapsed.TotalSeconds:F1} s after the proxy was killed");
            Assert.True(connected, "no device could connect over TLS within 15 s of the proxy's crash");
            Assert.InRange(killed.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(6));
        }
        finally
        {
            supervisor.Kill(entireProcessTree: false);
            await supervisor.WaitForExitAsync();
        }
    }

    /// <summary>
    /// <c>deploy/services.sh supervise SERVICE</c>, as the run command runs it, once it says it is supervising
    /// (its first log line); the test kills it (and only it) after.
    /// </summary>
    private static async Task<Process> SuperviseAsync(string service)
    {
        var supervisor = Process.Start(new ProcessStartInfo("bash", $"{Path.Combine(TestPaths.RepositoryRoot, "deploy", "services.sh")} supervise {service}")
        {
            Environment = { ["CAREIOT_STATE"] = TestPaths.StateDirectory },
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        })!;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        while (await supervisor.StandardError.ReadLineAsync(timeout.Token) is { } line && !line.Contains("supervising", StringComparison.Ordinal))
        {
        }

        return supervisor;
    }

    private static bool PortOpen(int port)
    {
        try
        {
            using var client = new TcpClient();
            client.Connect("127.0.0.1", port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
