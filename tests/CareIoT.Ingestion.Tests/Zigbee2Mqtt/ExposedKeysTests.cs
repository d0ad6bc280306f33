using CareIoT.Ingestion.Zigbee2Mqtt;

namespace CareIoT.Ingestion.Tests.Zigbee2Mqtt;

/// <summary>
/// Our keys and values are Zigbee2MQTT's: everything the decoder and the model table rely on is
/// checked against exposes.json, generated from zigbee-herdsman-converters.
/// </summary>
public sealed class ExposedKeysTests
{
    private static readonly ExposesFile Exposes = ExposesFile.Load();

    public static TheoryData<string> Models => [.. Zigbee2MqttTestData.Catalog.Models.Select(m => m.Model)];

    [Fact]
    public void ExposesJsonCoversExactlyTheModelsOfTheTable()
    {
        Assert.Equal(Zigbee2MqttTestData.Catalog.Models.Select(m => m.Model).Order(), Exposes.Models.Keys.Order());
    }

    [Theory]
    [MemberData(nameof(Models))]
    public void EveryModelHasTheVendorZigbee2MqttReportsForIt(string model)
    {
        Assert.Equal(Exposes[model].Vendor, Zigbee2MqttTestData.Catalog.Find(model)!.Vendor);
    }

    [Fact]
    public void EveryKeyTheDecoderReadsIsExposedByATabledModelAnAlarmDefinitionOrAddedByZigbee2Mqtt()
    {
        string[] read = [.. Zigbee2MqttStateReader.ReadingKeys, "action", "status", "last_seen", "device", .. Zigbee2MqttModelCatalog.DefaultPressKeys];
        var alarmDefinitions = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(Path.Combine(Zigbee2MqttTestData.Root, "alarm-definitions.json")))!["definitions"]!
            .AsArray().SelectMany(d => d!["exposes"]!.AsArray()).Select(e => (string?)e!["property"]).OfType<string>();
        var exposed = Exposes.Models.Values.SelectMany(m => m.Keys.Keys).Concat(Exposes.Zigbee2MqttKeys.Keys).Concat(alarmDefinitions).ToHashSet();

        Assert.All(read, key => Assert.Contains(key, exposed));
    }

    [Fact]
    public void EveryDefaultPressActionIsAnActionValueOfATabledModel()
    {
        var actions = Exposes.Models.Values.SelectMany(m => m.ValuesOf("action")).ToHashSet();

        Assert.All(Zigbee2MqttModelCatalog.DefaultPressActions, action => Assert.Contains(action, actions));
    }

    [Theory]
    [MemberData(nameof(Models))]
    public void EveryPressActionOfAModelIsOneOfItsExposedActionValues(string model)
    {
        var actions = Exposes[model].ValuesOf("action");

        Assert.All(Zigbee2MqttTestData.Catalog.Find(model)!.PressActions, action => Assert.Contains(action, actions));
    }

    [Theory]
    [MemberData(nameof(Models))]
    public void EveryPressKeyOfAModelIsABinaryKeyItExposesAsTrueOrFalse(string model)
    {
        var keys = Exposes[model].Keys;

        Assert.All(Zigbee2MqttTestData.Catalog.Find(model)!.PressKeys, key => AssertTrueOrFalse(model, key, keys));
    }

    [Theory]
    [MemberData(nameof(Models))]
    public void EveryStatusValueOfAModelIsExposedAndEveryExposedStatusValueIsClassified(string model)
    {
        var row = Zigbee2MqttTestData.Catalog.Find(model)!;
        string[] classified = [.. row.PresenceStatus, .. row.AbsenceStatus, .. row.FallStatus];
        if (classified.Length == 0)
        {
            return;
        }

        Assert.Equal(Exposes[model].ValuesOf("status").Order(), classified.Order());
    }

    [Theory]
    [MemberData(nameof(Models))]
    public void EveryBooleanReadingAModelExposesIsTrueOrFalseAndEveryNumberIsNumeric(string model)
    {
        var keys = Exposes[model].Keys;
        string[] numbers = ["battery", "linkquality", "breathing_rate"];

        Assert.All(Zigbee2MqttStateReader.ReadingKeys.Where(keys.ContainsKey), key =>
        {
            if (numbers.Contains(key))
            {
                Assert.Equal("numeric", keys[key].Type);
            }
            else
            {
                AssertTrueOrFalse(model, key, keys);
            }
        });
    }

    [Fact]
    public void LinkQualityAndLastSeenAreKeysZigbee2MqttAddsToEveryDevice()
    {
        Assert.Equal("numeric", Exposes.Zigbee2MqttKeys["linkquality"]);
        Assert.Equal("timestamp", Exposes.Zigbee2MqttKeys["last_seen"]);
        Assert.Equal("object", Exposes.Zigbee2MqttKeys["device"]);
    }

    private static void AssertTrueOrFalse(string model, string key, IReadOnlyDictionary<string, ExposedKey> keys)
    {
        Assert.True(keys.TryGetValue(key, out var exposed), $"{model} does not expose '{key}'");
        Assert.Equal(("binary", "true", "false"), (exposed.Type, exposed.ValueOn, exposed.ValueOff));
    }
}
