using System.Net;
using System.Net.Sockets;
using CareIoT.Dc09;
using CareIoT.DeviceSimulator;
using Xunit.Abstractions;

namespace CareIoT.IntegrationTests;

/// <summary>
/// The device simulator's home-alarm panel against the real host: bound by the fleet's own registrar
/// through the installer's API, dialling the host's DC-09 receiver over TCP, its alarms seen on a real
/// console. One test stands in for a receiver that does not answer, to see the panel retransmit.
/// </summary>
[Collection(CareIoTHostCollection.Name)]
public sealed class SimulatedPanelTests(CareIoTHostFixture host, ITestOutputHelper output)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task AnEncryptedSimulatedPanelsFireReachesTheConsoleAndItsFramesAreAcknowledged()
    {
        using var cancel = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        var home = await BindAsync(encrypted: true, cancel.Token);
        await using var console = new ConsoleClient(host.Server.BaseAddress);
        await console.ConnectAsync();
        await using var panel = new SimulatedPanel(home.Account, Dc09AccountKey.FromHex(home.Key), "127.0.0.1", host.PanelPort,
            linkTestEvery: TimeSpan.FromSeconds(1), log: output.WriteLine);
        var linkTests = panel.RunAsync(cancel.Token);

        var acknowledged = await panel.SendEventAsync(ContactIdEvent.NewEvent, SimulatedPanel.Fire, cancel.Token);
        var (alert, _) = await console.WaitForAsync(a => a.DeviceId == home.DeviceId, Patience);
        var linkTestsAcknowledged = await Eventually.TrueAsync(() => Task.FromResult(panel.Acknowledged >= 3), Patience);
        await cancel.CancelAsync();

        Assert.True(acknowledged);
        Assert.Equal("Fire", alert.Cause);
        Assert.Equal(new SiteDto("Household", home.HouseholdId), alert.Site);
        Assert.True(linkTestsAcknowledged, $"only {panel.Acknowledged} frames acknowledged");
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => linkTests);
    }

    [Fact]
    public async Task APlainSimulatedPanelsMedicalAlarmIsAPersonalEmergency()
    {
        var home = await BindAsync(encrypted: false, CancellationToken.None);
        await using var console = new ConsoleClient(host.Server.BaseAddress);
        await console.ConnectAsync();
        await using var panel = new SimulatedPanel(home.Account, null, "127.0.0.1", host.PanelPort, log: output.WriteLine);

        var raised = await panel.SendEventAsync(ContactIdEvent.NewEvent, SimulatedPanel.Medical, CancellationToken.None);
        var (alert, _) = await console.WaitForAsync(a => a.DeviceId == home.DeviceId, Patience);
        var restored = await panel.SendEventAsync(ContactIdEvent.Restore, SimulatedPanel.Medical, CancellationToken.None);

        Assert.True(raised);
        Assert.True(restored);
        Assert.Equal("PersonalEmergency", alert.Cause);
        Assert.Equal(2, panel.Acknowledged);
    }

    [Fact]
    public async Task APanelWithoutAnAckRetransmitsTheSameFrameOnANewConnection()
    {
        using var cancel = new CancellationTokenSource(Patience);
        using var receiver = new TcpListener(IPAddress.Loopback, 0);
        receiver.Start();
        await using var panel = new SimulatedPanel("5AFFFFFF", null, "127.0.0.1", ((IPEndPoint)receiver.LocalEndpoint).Port,
            ackTimeout: TimeSpan.FromMilliseconds(300), log: output.WriteLine);

        var sending = panel.SendEventAsync(ContactIdEvent.NewEvent, SimulatedPanel.Fire, cancel.Token);
        using var first = await receiver.AcceptTcpClientAsync(cancel.Token);
        var unanswered = await ReadFrameAsync(first.GetStream(), cancel.Token);
        using var second = await receiver.AcceptTcpClientAsync(cancel.Token);
        var repeated = await ReadFrameAsync(second.GetStream(), cancel.Token);
        var frame = new Dc09FrameParser().Parse(repeated, _ => null).Frame!;
        await second.GetStream().WriteAsync(new Dc09FrameEncoder().Encode(
            new Dc09Frame(Dc09Token.Ack, false, frame.Sequence, frame.Receiver, frame.LinePrefix, frame.Account, "", [], null)), cancel.Token);

        Assert.True(await sending);
        Assert.Equal(unanswered, repeated);
        Assert.Equal("#5AFFFFFF|1110 01 001", frame.Data);
        Assert.Equal(1, panel.Acknowledged);
    }

    /// <summary>A fresh household and panel account, bound by the fleet's registrar, twice: the second time meets a 409 as a re-run fleet does.</summary>
    private async Task<PanelHome> BindAsync(bool encrypted, CancellationToken cancellationToken)
    {
        var home = new PanelHome($"sim-phh-{Guid.NewGuid():N}"[..24], $"{Random.Shared.NextInt64(0x10000000, 0xFFFFFFFF):X8}", encrypted);
        using var registrar = new FleetRegistrar(host.Server.BaseAddress, new ApiLogin(TestUsers.Admin, TestUsers.AdminPassword));
        await registrar.RegisterHouseholdAsync(home.HouseholdId, 0, cancellationToken);
        Assert.Equal(encrypted, await registrar.BindPanelAsync(home, cancellationToken));
        Assert.Equal(encrypted, await registrar.BindPanelAsync(home, cancellationToken));
        return home;
    }

    private static async Task<byte[]> ReadFrameAsync(NetworkStream stream, CancellationToken cancellationToken)
    {
        var splitter = new Dc09StreamSplitter();
        var buffer = new byte[1024];
        while (true)
        {
            var read = await stream.ReadAsync(buffer, cancellationToken);
            if (read == 0)
            {
                throw new IOException("the panel closed the connection before sending a whole frame");
            }

            if (splitter.Push(buffer.AsSpan(0, read)).Frames is [var frame, ..])
            {
                return frame;
            }
        }
    }
}
