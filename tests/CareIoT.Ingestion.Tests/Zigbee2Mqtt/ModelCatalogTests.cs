using CareIoT.Contracts;
using CareIoT.Ingestion.Zigbee2Mqtt;

namespace CareIoT.Ingestion.Tests.Zigbee2Mqtt;

public sealed class ModelCatalogTests
{
    [Theory]
    [InlineData("HS1EB/HS1EB-E", DeviceKind.CallButton)]
    [InlineData("TS0215A_sos", DeviceKind.CallButton)]
    [InlineData("PB206", DeviceKind.CallButton)]
    [InlineData("HS3SA/HS1SA", DeviceKind.SmokeAlarm)]
    [InlineData("JTYJ-GD-01LM/BW", DeviceKind.SmokeAlarm)]
    [InlineData("FDS315", DeviceKind.Mattress)]
    [InlineData("SNZB-06P", DeviceKind.Mattress)]
    public void TheShippedTableTellsTheKindOfEachModel(string model, DeviceKind kind)
    {
        Assert.Equal(kind, Zigbee2MqttTestData.Catalog.KindOf(model));
    }

    [Theory]
    [InlineData("TS0215A_remote")]
    [InlineData("hs1eb/hs1eb-e")]
    [InlineData("")]
    public void AModelNotInTheTableHasNoKind(string model)
    {
        Assert.Null(Zigbee2MqttTestData.Catalog.KindOf(model));
    }

    [Fact]
    public void TheShippedTableHasModelsOfEveryKind()
    {
        // Every kind a Zigbee device can be: alarm panels report over DC-09, never through a gateway.
        Assert.Equal(Enum.GetValues<DeviceKind>().Where(k => k != DeviceKind.AlarmPanel), Zigbee2MqttTestData.Catalog.Models.Select(m => m.Kind).Distinct().Order());
    }

    [Theory]
    [InlineData("""{"models":[{"model":"X1","vendor":"V","kind":"CallButton","pressAction":["single"]}]}""")]
    [InlineData("""{"models":[{"model":"X1","vendor":"V","kind":"Doorbell"}]}""")]
    [InlineData("""{"models":[{"model":"X1","vendor":"V","kind":1}]}""")]
    [InlineData("""{"models":[{"model":"X1","kind":"CallButton"}]}""")]
    [InlineData("""{"models":[{"model":" ","vendor":"V","kind":"CallButton"}]}""")]
    [InlineData("""{"models":[{"model":"X1","vendor":"V","kind":"CallButton","pressActions":[""]}]}""")]
    [InlineData("""{"models":[{"model":"X1","vendor":"V","kind":"CallButton","pressKeys":[null]}]}""")]
    [InlineData("""{"models":[{"model":"X1","vendor":"V","kind":"CallButton"},{"model":"X1","vendor":"W","kind":"SmokeAlarm"}]}""")]
    [InlineData("""{"comment":"no models"}""")]
    [InlineData("""{"models":[{"model":"X1","vendor":"V","kind":"CallButton"}]""")]
    [InlineData("[]")]
    public void ATableWithAMistakeIsRefusedWithInvalidData(string json)
    {
        var error = Assert.Throws<InvalidDataException>(() => Zigbee2MqttModelCatalog.Parse(json));

        Assert.False(string.IsNullOrWhiteSpace(error.Message));
    }

    [Fact]
    public void ARefusedTableFileIsNamedInTheError()
    {
        var path = Path.Combine(Path.GetTempPath(), $"models-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, """{"models":[{"model":"X1","vendor":"V","kind":"Kettle"}]}""");
        try
        {
            var error = Assert.Throws<InvalidDataException>(() => Zigbee2MqttModelCatalog.Load(path));

            Assert.Contains(path, error.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
