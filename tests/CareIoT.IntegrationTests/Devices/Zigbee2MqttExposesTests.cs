using System.Text.Json.Nodes;
using CareIoT.Ingestion.Zigbee2Mqtt;

namespace CareIoT.IntegrationTests;

/// <summary>
/// Zigbee devices the model table does not list, through the real broker: what they can report is
/// learned from the exposes their gateway publishes in bridge/devices (real definitions of the pinned
/// zigbee-herdsman-converters, devices/zigbee2mqtt/alarm-definitions.json).
/// </summary>
[Collection(CareIoTHostCollection.Name)]
public sealed class Zigbee2MqttExposesTests(CareIoTHostFixture host)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);

    [Theory]
    [InlineData("ADEO", "LDSENK09", """{"action":"panic","battery":80,"linkquality":100}""", "PersonalEmergency")] // an alarm keypad's panic action
    [InlineData("DAEWOO", "WKE502Z", """{"sos_alarm":true,"battery":80,"linkquality":100}""", "PersonalEmergency")] // a boolean alarm key of its own (not sos)
    [InlineData("Tuya", "MIR-HE200-TY", """{"fall_down_status":"fall","linkquality":100}""", "Fall")] // a fall radar's status enum
    public async Task AnEmergencyLearnedFromTheDevicesExposesReachesTheConsole(string vendor, string model, string state, string cause)
    {
        using var api = new CareIoTApi(host.Server.BaseAddress);
        var gateway = $"gw-{Guid.NewGuid():N}"[..16];
        var (_, device) = await api.RegisterHouseholdWithZigbeeDeviceAsync("CallButton", gateway, model);
        await using var console = new ConsoleClient(host.Server.BaseAddress);
        await console.ConnectAsync();
        await using var bridge = await host.ConnectDeviceAsync(gateway);

        await bridge.PublishAsync(Zigbee2MqttTopics.BridgeDevices(gateway), BridgeDevices(device, vendor, model));
        // The list and the state travel in different ingest partitions: the press is repeated, as a
        // resident presses again, until the list was learned (before it, this is no emergency).
        var alert = await Eventually.ValueAsync(async () =>
        {
            await bridge.PublishAsync(Zigbee2MqttTopics.State(gateway, device), state);
            try
            {
                return (await console.WaitForAsync(a => a.DeviceId == device, TimeSpan.FromSeconds(1))).Alert;
            }
            catch (TimeoutException)
            {
                return null;
            }
        }, Patience, "the emergency alert");

        Assert.Equal((cause, "Critical"), (alert.Cause, alert.Priority));
    }

    [Fact]
    public async Task GasFromADetectorOutsideTheModelTableIsAFireAlert()
    {
        using var api = new CareIoTApi(host.Server.BaseAddress);
        var gateway = $"gw-{Guid.NewGuid():N}"[..16];
        var (_, detector) = await api.RegisterHouseholdWithZigbeeDeviceAsync("SmokeAlarm", gateway, "not-in-the-table");
        await using var console = new ConsoleClient(host.Server.BaseAddress);
        await console.ConnectAsync();
        await using var bridge = await host.ConnectDeviceAsync(gateway);

        await bridge.PublishAsync(Zigbee2MqttTopics.State(gateway, detector), """{"gas":true,"battery":95,"linkquality":110}""");
        var (fire, _) = await console.WaitForAsync(a => a.DeviceId == detector, Patience);

        Assert.Equal(("Fire", "Highest"), (fire.Cause, fire.Priority));
    }

    private static string BridgeDevices(string device, string vendor, string model)
    {
        var definitions = JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "zigbee2mqtt", "alarm-definitions.json")))!["definitions"]!.AsArray();
        var definition = definitions.First(d => (string?)d!["model"] == model && (string?)d["vendor"] == vendor)!;
        return new JsonArray(new JsonObject
        {
            ["friendly_name"] = device,
            ["definition"] = new JsonObject { ["model"] = model, ["vendor"] = vendor, ["exposes"] = definition["exposes"]!.DeepClone() },
        }).ToJsonString();
    }
}
