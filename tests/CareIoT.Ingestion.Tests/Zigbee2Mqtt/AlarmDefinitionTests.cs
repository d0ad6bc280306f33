using System.Text.Json;
using System.Text.Json.Nodes;
using CareIoT.Contracts;
using CareIoT.Ingestion.Zigbee2Mqtt;

namespace CareIoT.Ingestion.Tests.Zigbee2Mqtt;

/// <summary>
/// Every definition of the pinned zigbee-herdsman-converters that can report smoke (gas, carbon
/// monoxide), an emergency or a fall (devices/zigbee2mqtt/alarm-definitions.json, from
/// tests/tools/zigbee-keys): learned from its exposes as bridge/devices publishes them, not from the
/// model table, each raises the right alert from the payload its exposes allow.
/// </summary>
public sealed class AlarmDefinitionTests
{
    private const string Device = "zb-0001";

    private static readonly JsonArray Definitions =
        JsonNode.Parse(File.ReadAllText(Path.Combine(Zigbee2MqttTestData.Root, "alarm-definitions.json")))!["definitions"]!.AsArray();

    public static TheoryData<string, string> Cases()
    {
        var cases = new TheoryData<string, string>();
        foreach (var definition in Definitions)
        {
            foreach (var kind in definition!["classes"]!.AsArray())
            {
                cases.Add($"{definition["vendor"]}/{definition["model"]}", kind!.GetValue<string>());
            }
        }

        return cases;
    }

    [Fact]
    public void ThePinnedPackageHasDefinitionsOfEveryClass()
    {
        var classes = Definitions.SelectMany(d => d!["classes"]!.AsArray().Select(c => c!.GetValue<string>())).ToLookup(c => c);

        Assert.True(classes["fire"].Count() >= 50, $"{classes["fire"].Count()} fire definitions");
        Assert.True(classes["emergencyAction"].Count() >= 20, $"{classes["emergencyAction"].Count()} emergency actions");
        Assert.NotEmpty(classes["emergencyKey"]);
        Assert.NotEmpty(classes["fall"]);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void EachDefinitionRaisesItsAlarmFromWhatItExposes(string definitionName, string kind)
    {
        var definition = Definitions.Single(d => $"{d!["vendor"]}/{d["model"]}" == definitionName)!;
        var decoder = Learned(definition);
        var exposes = Flatten(definition["exposes"]!.AsArray()).ToList();

        foreach (var payload in Payloads(kind, exposes))
        {
            var message = decoder.DecodeState(payload, Device).Message;
            Assert.NotNull(message);
            switch (kind)
            {
                case "fire":
                    Assert.True(message.Readings?.Smoke, payload);
                    break;
                case "emergencyAction" or "emergencyKey":
                    Assert.Equal(DeviceMessageType.Press, message.Type);
                    break;
                default:
                    Assert.True(message.Readings?.Fall, payload);
                    break;
            }
        }
    }

    [Fact]
    public void ArmingActionsOfAlarmKeypadsNeverRaiseAnEmergency()
    {
        var arming = 0;
        foreach (var definition in Definitions.Where(d => d!["classes"]!.AsArray().Any(c => c!.GetValue<string>() == "emergencyAction")))
        {
            var decoder = Learned(definition!);
            var actions = Flatten(definition!["exposes"]!.AsArray()).Where(e => (string?)e["property"] == "action").SelectMany(e => e["values"]!.AsArray().Select(v => v!.GetValue<string>()));
            foreach (var action in actions.Where(a => a.StartsWith("arm", StringComparison.Ordinal) || a is "disarm" or "exit_delay" or "entry_delay"))
            {
                arming++;
                Assert.Equal(DeviceMessageType.StateReport, decoder.DecodeState(JsonSerializer.Serialize(new { action }), Device).Message?.Type);
            }
        }

        Assert.True(arming > 0, "no arming action found among the emergency keypads");
    }

    private static Zigbee2MqttDecoder Learned(JsonNode definition)
    {
        var decoder = new Zigbee2MqttDecoder(Zigbee2MqttModelCatalog.Empty);
        var devices = new JsonArray(new JsonObject
        {
            ["friendly_name"] = Device,
            ["definition"] = new JsonObject { ["model"] = definition["model"]!.GetValue<string>(), ["vendor"] = definition["vendor"]!.GetValue<string>(), ["exposes"] = definition["exposes"]!.DeepClone() },
        });
        var learned = decoder.Decode(Zigbee2MqttTopics.BridgeDevices(Zigbee2MqttTestData.GatewayId), devices.ToJsonString());
        Assert.True(learned.Skipped, learned.Detail);
        return decoder;
    }

    private static IEnumerable<string> Payloads(string kind, List<JsonNode> exposes)
    {
        static bool Type(JsonNode e, string type) => (string?)e["type"] == type;
        static string? Property(JsonNode e) => (string?)e["property"];
        static string Set(string key, JsonNode? value) => new JsonObject { [key] = value?.DeepClone() }.ToJsonString();
        string[] emergency = ["sos", "sos_alarm", "emergency", "panic", "emergency_panic", "fire_panic", "police_panic"];
        return kind switch
        {
            "fire" => exposes.Where(e => Type(e, "binary") && Property(e) is "smoke" or "gas" or "carbon_monoxide").Select(e => Set(Property(e)!, e["value_on"])),
            "emergencyKey" => exposes.Where(e => Type(e, "binary") && emergency.Contains(Property(e))).Select(e => Set(Property(e)!, e["value_on"])),
            "emergencyAction" => exposes.Where(e => Property(e) == "action").SelectMany(e => e["values"]!.AsArray())
                .Select(v => v!.GetValue<string>()).Where(emergency.Contains).Select(v => Set("action", v)),
            _ => exposes.Where(e => Type(e, "enum") && e["values"] is JsonArray values && values.Any(v => (string?)v is "fall" or "falling"))
                .SelectMany(e => e["values"]!.AsArray().Where(v => (string?)v is "fall" or "falling").Select(v => Set(Property(e)!, v))),
        };
    }

    private static IEnumerable<JsonNode> Flatten(JsonArray exposes) =>
        exposes.SelectMany(e => e!["features"] is JsonArray features ? [e, .. Flatten(features)] : new[] { e! });
}
