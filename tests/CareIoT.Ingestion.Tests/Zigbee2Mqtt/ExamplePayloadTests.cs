using System.Globalization;
using System.Text.Json;
using CareIoT.Contracts;
using CareIoT.Ingestion.Zigbee2Mqtt;

namespace CareIoT.Ingestion.Tests.Zigbee2Mqtt;

/// <summary>The example payloads are what the models really publish, and decode to what they mean.</summary>
public sealed class ExamplePayloadTests
{
    private static readonly ExposesFile Exposes = ExposesFile.Load();

    public static TheoryData<string> Files => Zigbee2MqttExamples.Files;

    public static TheoryData<string> Models => [.. Zigbee2MqttTestData.Catalog.Models.Select(m => m.Model)];

    [Theory]
    [MemberData(nameof(Files))]
    public void ExamplePayloadDecodesToItsTypeReadingsAndTime(string file)
    {
        var example = Zigbee2MqttExamples.All[file];
        var decoder = Zigbee2MqttTestData.NewDecoder();
        decoder.Learn(example.DeviceId, example.Model);

        var result = decoder.Decode(Zigbee2MqttTopics.State(Zigbee2MqttTestData.GatewayId, example.DeviceId), Zigbee2MqttTestData.Example(file));

        var message = Assert.IsType<DeviceMessage>(result.Message);
        Assert.Equal((example.DeviceId, Zigbee2MqttTestData.GatewayId, example.Type), (message.DeviceId, message.GatewayId, message.Type));
        Assert.Equal(example.Readings, message.Readings);
        var seen = example.LastSeen is null ? Zigbee2MqttTestData.ReceivedAt : DateTimeOffset.Parse(example.LastSeen, CultureInfo.InvariantCulture);
        Assert.Equal(seen, message.DeviceTime);
        Assert.Equal(Zigbee2MqttTestData.ReceivedAt, message.ReceivedAt);
        Assert.StartsWith("z2m-", message.MessageId, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void ExamplePayloadUsesOnlyKeysAndValuesItsModelExposes(string file)
    {
        var model = Exposes[Zigbee2MqttExamples.All[file].Model];
        using var document = JsonDocument.Parse(Zigbee2MqttTestData.Example(file));

        Assert.All(document.RootElement.EnumerateObject(), property =>
        {
            if (Exposes.Zigbee2MqttKeys.TryGetValue(property.Name, out var type))
            {
                Assert.True(Fits(type, property.Value), $"'{property.Name}' is not a {type}");
                return;
            }

            Assert.True(model.Keys.TryGetValue(property.Name, out var exposed), $"the model does not expose '{property.Name}'");
            var fits = exposed.Type switch
            {
                "binary" => property.Value.GetRawText() == exposed.ValueOn || property.Value.GetRawText() == exposed.ValueOff,
                "enum" => property.Value.ValueKind == JsonValueKind.String && exposed.Values.Contains(property.Value.GetString()!),
                _ => Fits(exposed.Type, property.Value),
            };
            Assert.True(fits, $"'{property.Name}': {property.Value.GetRawText()} is not a value of {exposed.Type} {string.Join('|', exposed.Values)}");
        });
    }

    [Theory]
    [MemberData(nameof(Models))]
    public void EveryKeyTheDecoderReadsThatAModelExposesIsInOneOfItsExamples(string model)
    {
        var exposed = Exposes[model].Keys;
        var row = Zigbee2MqttTestData.Catalog.Find(model)!;
        // A tabled model's action is read only against its press actions, its status only if the row classifies it.
        string[] read =
        [
            .. Zigbee2MqttStateReader.ReadingKeys, .. row.PressKeys, .. Zigbee2MqttModelCatalog.DefaultPressKeys,
            .. row.PressActions.Count > 0 ? ["action"] : Array.Empty<string>(),
            .. row.ReportsStatus ? ["status"] : Array.Empty<string>(),
        ];
        var inExamples = Zigbee2MqttExamples.All.Where(e => e.Value.Model == model)
            .SelectMany(e => KeysOf(e.Key))
            .ToHashSet();

        Assert.NotEmpty(inExamples);
        Assert.All(read.Where(exposed.ContainsKey), key => Assert.Contains(key, inExamples));
    }

    [Fact]
    public void EveryExampleFileIsDescribedAndEveryDescribedFileExists()
    {
        var files = Directory.GetFiles(Zigbee2MqttTestData.ExamplesDirectory, "*.json").Select(Path.GetFileName).Order();

        Assert.Equal(Zigbee2MqttExamples.All.Keys.Order(), files);
    }

    private static string[] KeysOf(string file)
    {
        using var document = JsonDocument.Parse(Zigbee2MqttTestData.Example(file));
        return [.. document.RootElement.EnumerateObject().Select(p => p.Name)];
    }

    private static bool Fits(string type, JsonElement value) => (type, value.ValueKind) switch
    {
        ("numeric", JsonValueKind.Number) => true,
        ("text", JsonValueKind.String) => true,
        ("timestamp", JsonValueKind.String or JsonValueKind.Number) => true,
        ("composite" or "object", JsonValueKind.Object) => true,
        ("list", JsonValueKind.Array) => true,
        _ => false,
    };
}
