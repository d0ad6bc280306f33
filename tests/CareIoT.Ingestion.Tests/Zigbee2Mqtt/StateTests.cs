using CareIoT.Contracts;
using CareIoT.Ingestion.Zigbee2Mqtt;

namespace CareIoT.Ingestion.Tests.Zigbee2Mqtt;

public sealed class StateTests
{
    [Theory]
    [InlineData("""{"action":"emergency"}""")]
    [InlineData("""{"action":"sos","battery":100}""")]
    [InlineData("""{"sos":true}""")]
    [InlineData("""{"sos":true,"action":"single"}""")]
    public void AnEmergencyFromADeviceOfUnknownModelIsAPress(string payload)
    {
        Assert.Equal(DeviceMessageType.Press, Zigbee2MqttTestData.NewDecoder().DecodeState(payload).Message?.Type);
    }

    [Theory]
    [InlineData("""{"action":"single"}""")]
    [InlineData("""{"action":""}""")]
    [InlineData("""{"sos":false}""")]
    [InlineData("""{"action":"EMERGENCY"}""")]
    [InlineData("""{"sos_alarm":true}""")]
    [InlineData("""{}""")]
    public void AStateWithoutAnEmergencyIsAStateReport(string payload)
    {
        Assert.Equal(DeviceMessageType.StateReport, Zigbee2MqttTestData.NewDecoder().DecodeState(payload).Message?.Type);
    }

    [Fact]
    public void APressKeyTheTableListsForAModelAnnouncesAnEmergencyWhenTrue()
    {
        var catalog = Zigbee2MqttModelCatalog.Parse("""{"models":[{"model":"WKE502Z","vendor":"DAEWOO","kind":"CallButton","pressKeys":["sos_alarm"]}]}""");
        var decoder = new Zigbee2MqttDecoder(catalog);
        decoder.Learn(Zigbee2MqttTestData.DeviceId, "WKE502Z");

        Assert.Equal(DeviceMessageType.Press, decoder.DecodeState("""{"sos_alarm":true,"battery":80}""").Message?.Type);
        Assert.Equal(DeviceMessageType.StateReport, decoder.DecodeState("""{"sos_alarm":false,"battery":80}""").Message?.Type);
    }

    [Fact]
    public void NullValuesCountAsAbsentAndUnusedKeysAreTolerated()
    {
        const string payload = """
            {"battery":null,"action":null,"linkquality":88,"voltage":3000,"smoke_density":12,"color":{"x":0.3},
             "update":{"state":"idle","installed_version":1,"latest_version":1},"status":5,"sos_alarm":"x"}
            """;

        var message = Zigbee2MqttTestData.NewDecoder().DecodeState(payload).Message;

        Assert.Equal(DeviceMessageType.StateReport, message?.Type);
        Assert.Equal(new DeviceReadings { LinkQuality = 88 }, message?.Readings);
    }

    [Theory]
    [InlineData("""{"trouble":false,"fault":true}""", null, true)]
    [InlineData("""{"trouble":true,"fault":false}""", null, true)]
    [InlineData("""{"trouble":false}""", null, false)]
    [InlineData("""{"presence":false,"occupancy":true}""", true, null)]
    [InlineData("""{"occupancy":false}""", false, null)]
    public void EitherFaultKeyIsAFaultAndEitherPresenceKeyIsPresence(string payload, bool? presence, bool? fault)
    {
        var readings = Zigbee2MqttTestData.NewDecoder().DecodeState(payload).Message?.Readings;

        Assert.Equal((presence, fault), (readings?.Presence, readings?.Fault));
    }

    [Theory]
    [InlineData(97.5, 98)]
    [InlineData(97.4, 97)]
    [InlineData(0, 0)]
    public void AFractionalBatteryIsRoundedToWholePercent(double battery, int expected)
    {
        var payload = $$"""{"battery":{{battery.ToString(System.Globalization.CultureInfo.InvariantCulture)}}}""";

        Assert.Equal(expected, Zigbee2MqttTestData.NewDecoder().DecodeState(payload).Message?.Readings?.BatteryPercent);
    }

    [Theory]
    [InlineData("""{"last_seen":"yesterday"}""")]
    [InlineData("""{"last_seen":-5}""")]
    [InlineData("""{"last_seen":1.5e30}""")]
    public void AnUnparseableLastSeenFallsBackToTheReceiptTime(string payload)
    {
        Assert.Equal(Zigbee2MqttTestData.ReceivedAt, Zigbee2MqttTestData.NewDecoder().DecodeState(payload).Message?.DeviceTime);
    }

    [Fact]
    public void EveryReceivedMessageGetsItsOwnIdEvenWithTheSamePayloadAndTime()
    {
        var decoder = Zigbee2MqttTestData.NewDecoder();

        var ids = Enumerable.Range(0, 100).Select(_ => decoder.DecodeState("""{"action":"emergency"}""").Message!.MessageId).ToList();

        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.All(ids, id => Assert.InRange(id.Length, 1, 64));
        Assert.NotEqual(ids[0], Zigbee2MqttTestData.NewDecoder().DecodeState("""{"action":"emergency"}""").Message!.MessageId);
    }

    [Fact]
    public void StatusIsReadOnlyForModelsWhoseRowClassifiesIt()
    {
        var decoder = Zigbee2MqttTestData.NewDecoder();
        Assert.Null(decoder.DecodeState("""{"status":"on_the_bed"}""").Message?.Readings?.Presence);

        decoder.Learn(Zigbee2MqttTestData.DeviceId, "FDS315");

        Assert.True(decoder.DecodeState("""{"status":"on_the_bed"}""").Message?.Readings?.Presence);
        Assert.Equal(new DeviceReadings(), decoder.DecodeState("""{"status":"Unknown (6)"}""").Message?.Readings);
        Assert.Equal(RejectReason.InvalidField, decoder.DecodeState("""{"status":3}""").Reason);
    }

    [Fact]
    public void PayloadNamingItsOwnDeviceIsAccepted()
    {
        var result = Zigbee2MqttTestData.NewDecoder().DecodeState("""{"action":"emergency","device":{"friendlyName":"cb-0001","ieeeAddr":"0x01"}}""");

        Assert.Equal(DeviceMessageType.Press, result.Message?.Type);
    }

    [Fact]
    public void AnEmptyStateIsAClearedRetainedMessageAndSkipped()
    {
        var result = Zigbee2MqttTestData.NewDecoder().DecodeState("  ");

        Assert.True(result.Skipped);
        Assert.Equal(Zigbee2MqttTestData.DeviceId, result.DeviceId);
    }
}
