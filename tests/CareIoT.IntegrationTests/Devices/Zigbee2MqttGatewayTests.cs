using CareIoT.Ingestion.Zigbee2Mqtt;

namespace CareIoT.IntegrationTests;

/// <summary>A Zigbee2MQTT gateway bridged into the real broker with credentials of its own.</summary>
[Collection(CareIoTHostCollection.Name)]
public sealed class Zigbee2MqttGatewayTests(CareIoTHostFixture host)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task SmokeReportedByAZigbeeDetectorBecomesOneFireAlert()
    {
        using var api = new CareIoTApi(host.Server.BaseAddress);
        var gateway = $"gw-{Guid.NewGuid():N}"[..16];
        var (household, detector) = await api.RegisterHouseholdWithZigbeeDeviceAsync("SmokeAlarm", gateway, "HS3SA/HS1SA");
        await using var console = new ConsoleClient(host.Server.BaseAddress);
        await console.ConnectAsync();
        await using var bridge = await host.ConnectDeviceAsync(gateway);
        var topic = Zigbee2MqttTopics.State(gateway, detector);

        await bridge.PublishAsync(topic, """{"smoke":false,"battery":90,"battery_low":false,"tamper":false,"linkquality":120}""");
        await bridge.PublishAsync(topic, """{"smoke":true,"battery":90,"battery_low":false,"tamper":false,"linkquality":118}""");
        // Zigbee2MQTT repeats the full state on every attribute change: the same smoke is not a new fire.
        await bridge.PublishAsync(topic, """{"smoke":true,"battery":89,"battery_low":false,"tamper":false,"linkquality":117}""");
        var (fire, _) = await console.WaitForAsync(a => a.DeviceId == detector, Patience);

        Assert.Equal(("Fire", "Highest"), (fire.Cause, fire.Priority));
        Assert.True(await Eventually.TrueAsync(async () => (await api.DeviceHealthAsync(detector)).BatteryPercent == 89, Patience));
        Assert.Equal(1, Assert.Single(await api.HouseholdAlertsAsync(household)).Occurrences);
    }

    [Fact]
    public async Task GatewaySpeakingForADeviceOfAnotherGatewayIsDeadLettered()
    {
        using var api = new CareIoTApi(host.Server.BaseAddress);
        var (household, button) = await api.RegisterHouseholdWithZigbeeDeviceAsync("CallButton", $"gw-{Guid.NewGuid():N}"[..16], "TS0215A_sos");
        var rogue = $"gw-{Guid.NewGuid():N}"[..16];
        await using var bridge = await host.ConnectDeviceAsync(rogue);

        await bridge.PublishAsync(Zigbee2MqttTopics.State(rogue, button), """{"action":"emergency","battery":100,"linkquality":90}""");

        var letter = await Eventually.ValueAsync(
            async () => (await api.DeadLettersAsync()).FirstOrDefault(d => d.DeviceId == button), Patience, "the wrong gateway's dead letter");
        Assert.Equal("WrongGateway", letter.Reason);
        Assert.Empty(await api.HouseholdAlertsAsync(household));
    }
}
