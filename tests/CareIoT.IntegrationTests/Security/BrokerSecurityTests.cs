using CareIoT.DeviceProtocol;
using MQTTnet;

namespace CareIoT.IntegrationTests;

/// <summary>The real Mosquitto with the repository's config: each device has its own credentials and topics.</summary>
[Collection(CareIoTHostCollection.Name)]
public sealed class BrokerSecurityTests(CareIoTHostFixture host)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task WrongPasswordIsRefusedByTheBroker()
    {
        var device = $"cb-{Guid.NewGuid():N}"[..20];
        host.Services.IssueCredentials(device);
        await using var impostor = new DeviceSimulatorClient(host.Services.MqttHost, host.Services.MqttPort, device, "not-the-password");

        var result = await impostor.ConnectAsync();

        Assert.Equal(MqttClientConnectResultCode.NotAuthorized, result.ResultCode);
        Assert.False(impostor.IsConnected);
    }

    [Fact]
    public async Task AnonymousClientIsRefusedByTheBroker()
    {
        await using var anonymous = new DeviceSimulatorClient(host.Services.MqttHost, host.Services.MqttPort);

        var result = await anonymous.ConnectAsync();

        Assert.NotEqual(MqttClientConnectResultCode.Success, result.ResultCode);
        Assert.False(anonymous.IsConnected);
    }

    [Fact]
    public async Task DeviceCannotPublishOnAnotherDevicesTopic()
    {
        using var api = new CareIoTApi(host.Server.BaseAddress);
        var (victimHousehold, victim) = await api.RegisterHouseholdWithCallButtonAsync();
        var (_, attacker) = await api.RegisterHouseholdWithCallButtonAsync();
        await using var attackerButton = await host.ConnectDeviceAsync(attacker);
        await using var victimButton = await host.ConnectDeviceAsync(victim);
        await using var console = new ConsoleClient(host.Server.BaseAddress);
        await console.ConnectAsync();

        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => attackerButton.PressAsync(victim));
        // The victim's own heartbeat, then its own press, prove the pipeline had its chance at the forged one.
        await victimButton.SendAsync(victim, MessageTypes.Heartbeat);
        await victimButton.PressAsync(victim);
        var (alert, _) = await console.WaitForAsync(a => a.DeviceId == victim, Patience);

        Assert.Contains("NotAuthorized", refused.Message, StringComparison.Ordinal);
        Assert.Equal(1, alert.Occurrences);
        Assert.Single(await api.HouseholdAlertsAsync(victimHousehold));
    }

    [Fact]
    public async Task RevokedDeviceIsRefusedAtOnce()
    {
        var device = $"cb-{Guid.NewGuid():N}"[..20];
        await using (var before = await host.ConnectDeviceAsync(device))
        {
            Assert.True(before.IsConnected);
        }

        var password = host.Services.IssueCredentials(device)[device];
        host.Services.RevokeCredentials(device);
        await using var after = new DeviceSimulatorClient(host.Services.MqttHost, host.Services.MqttPort, device, password);

        var refused = await Eventually.TrueAsync(
            async () => (await after.ConnectAsync()).ResultCode == MqttClientConnectResultCode.NotAuthorized, Patience);
        Assert.True(refused, "the revoked credentials were still accepted");
    }
}
