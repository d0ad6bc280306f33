using System.Text.Json.Nodes;
using CareIoT.DeviceProtocol;

namespace CareIoT.IntegrationTests;

/// <summary>Every example payload of the contract, published through the real broker, has its effect.</summary>
[Collection(CareIoTHostCollection.Name)]
public sealed class EveryContractMessageTests(CareIoTHostFixture host)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);

    [Theory]
    [InlineData("call-button-press.json", "CallButton", "PersonalEmergency")]
    [InlineData("call-button-low-battery.json", "CallButton", "LowBattery")]
    [InlineData("smoke-alarm-alarm.json", "SmokeAlarm", "Fire")]
    [InlineData("smoke-alarm-tamper.json", "SmokeAlarm", "Tamper")]
    [InlineData("smoke-alarm-fault.json", "SmokeAlarm", "DeviceFault")]
    [InlineData("smoke-alarm-low-battery.json", "SmokeAlarm", "LowBattery")]
    public async Task ExampleThatIsAnAlarmRaisesItsAlert(string file, string kind, string cause)
    {
        using var api = new CareIoTApi(host.Server.BaseAddress);
        var (household, device) = await api.RegisterHouseholdWithAsync(kind);
        await using var console = new ConsoleClient(host.Server.BaseAddress);
        await console.ConnectAsync();

        await PublishExampleAsync(device, file);

        var (alert, _) = await console.WaitForAsync(a => a.DeviceId == device, Patience);
        Assert.Equal((cause, "Household", household), (alert.Cause, alert.Site.Kind, alert.Site.Id));
    }

    [Theory]
    [InlineData("call-button-cancel.json", "CallButton")]
    [InlineData("smoke-alarm-clear.json", "SmokeAlarm")]
    [InlineData("smoke-alarm-test.json", "SmokeAlarm")]
    [InlineData("heartbeat.json", "CallButton")]
    [InlineData("mattress-vitals.json", "Mattress")]
    [InlineData("mattress-bed-exit.json", "Mattress")]
    [InlineData("mattress-bed-return.json", "Mattress")]
    public async Task ExampleThatIsNoAlarmIsAcceptedAndRaisesNothing(string file, string kind)
    {
        using var api = new CareIoTApi(host.Server.BaseAddress);
        var (household, device) = await api.RegisterHouseholdWithAsync(kind);
        var accepted = (await api.IngestStatsAsync()).GetValueOrDefault("accepted");

        await PublishExampleAsync(device, file);

        Assert.True(await Eventually.TrueAsync(async () => (await api.IngestStatsAsync()).GetValueOrDefault("accepted") > accepted, Patience));
        Assert.True(await Eventually.TrueAsync(async () => (await api.DeviceHealthAsync(device)).LastSeen is not null, Patience));
        Assert.Empty(await api.HouseholdAlertsAsync(household));
        Assert.DoesNotContain(await api.DeadLettersAsync(), d => d.DeviceId == device);
    }

    /// <summary>The example file as a device would send it now: its own id and the current time.</summary>
    private async Task PublishExampleAsync(string device, string file)
    {
        var payload = JsonNode.Parse(TestPaths.Example(file))!.AsObject();
        payload["id"] = Guid.NewGuid().ToString("N");
        payload["ts"] = DateTimeOffset.UtcNow.ToString("O");
        await using var client = await host.ConnectDeviceAsync(device);
        await client.PublishAsync(DeviceTopics.For(device, payload["type"]!.GetValue<string>()), payload.ToJsonString());
    }
}
