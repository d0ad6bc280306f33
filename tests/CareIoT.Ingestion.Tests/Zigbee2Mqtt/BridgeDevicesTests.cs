using System.Text;
using CareIoT.Contracts;
using CareIoT.Ingestion.Zigbee2Mqtt;

namespace CareIoT.Ingestion.Tests.Zigbee2Mqtt;

public sealed class BridgeDevicesTests
{
    private const string Gateway = Zigbee2MqttTestData.GatewayId;
    private const string Single = """{"action":"single","battery":100,"linkquality":120}""";

    [Fact]
    public void BridgeDevicesIsSkippedAndTeachesTheModelOfEveryNamedSupportedDevice()
    {
        var decoder = Zigbee2MqttTestData.NewDecoder();

        var result = decoder.Decode(Zigbee2MqttTopics.BridgeDevices(Gateway), Zigbee2MqttTestData.BridgeDevicesExample());

        Assert.True(result.Skipped, result.Detail);
        Assert.Null(result.Reason);
        Assert.Equal(new Dictionary<string, string> { ["cb-0001"] = "HS1EB/HS1EB-E", ["sa-0001"] = "TS0205" }, decoder.Directory.DevicesOf(Gateway));
    }

    [Fact]
    public void APressActionOnlyThatModelDefinesIsRecognisedOnceBridgeDevicesNamedTheModel()
    {
        var decoder = Zigbee2MqttTestData.NewDecoder();
        Assert.Equal(DeviceMessageType.StateReport, decoder.DecodeState(Single).Message?.Type);

        decoder.Decode(Zigbee2MqttTopics.BridgeDevices(Gateway), Zigbee2MqttTestData.BridgeDevicesExample());

        Assert.Equal(DeviceMessageType.Press, decoder.DecodeState(Single).Message?.Type);
    }

    [Fact]
    public void ATabledModelAnnouncesAnEmergencyOnlyWithItsOwnPressActions()
    {
        var decoder = Zigbee2MqttTestData.NewDecoder();
        decoder.Learn(Zigbee2MqttTestData.DeviceId, "HS1EB/HS1EB-E");

        Assert.Equal(DeviceMessageType.StateReport, decoder.DecodeState("""{"action":"emergency"}""").Message?.Type);
    }

    [Fact]
    public void AModelNotInTheTableUsesTheDefaultPressActions()
    {
        var decoder = Zigbee2MqttTestData.NewDecoder();
        decoder.Learn(Zigbee2MqttTestData.DeviceId, "TS0215A_remote");

        Assert.Equal(DeviceMessageType.Press, decoder.DecodeState("""{"action":"emergency"}""").Message?.Type);
        Assert.Equal(DeviceMessageType.StateReport, decoder.DecodeState(Single).Message?.Type);
    }

    [Fact]
    public void ModelsAreLearnedPerGateway()
    {
        var decoder = Zigbee2MqttTestData.NewDecoder();
        decoder.Learn(Zigbee2MqttTestData.DeviceId, "HS1EB/HS1EB-E", gatewayId: "gw-other");

        Assert.Equal(DeviceMessageType.StateReport, decoder.DecodeState(Single).Message?.Type);
    }

    [Fact]
    public void ANewDeviceListReplacesTheOldOne()
    {
        var decoder = Zigbee2MqttTestData.NewDecoder();
        decoder.Learn(Zigbee2MqttTestData.DeviceId, "HS1EB/HS1EB-E");

        decoder.Learn("cb-0009", "HS1EB/HS1EB-E");

        Assert.Null(decoder.Directory.ModelOf(Gateway, Zigbee2MqttTestData.DeviceId));
        Assert.Equal(DeviceMessageType.StateReport, decoder.DecodeState(Single).Message?.Type);
    }

    [Theory]
    [InlineData("""{"friendly_name":"cb-0001"}""", RejectReason.InvalidField)]
    [InlineData("""[{"definition":{"model":"TS0205"}}]""", RejectReason.InvalidField)]
    [InlineData("""[{"friendly_name":"cb-0001","definition":"TS0205"}]""", RejectReason.InvalidField)]
    [InlineData("""[{"friendly_name":"cb-0001","definition":{"vendor":"Tuya"}}]""", RejectReason.InvalidField)]
    [InlineData("""[42]""", RejectReason.InvalidField)]
    [InlineData("""[{"friendly_name":"cb-0001",""", RejectReason.MalformedJson)]
    public void ABrokenDeviceListIsRejectedAndChangesNothing(string payload, RejectReason reason)
    {
        var decoder = Zigbee2MqttTestData.NewDecoder();
        decoder.Learn(Zigbee2MqttTestData.DeviceId, "HS1EB/HS1EB-E");

        var result = decoder.Decode(Zigbee2MqttTopics.BridgeDevices(Gateway), payload);

        Assert.Equal(reason, result.Reason);
        Assert.False(string.IsNullOrWhiteSpace(result.Detail));
        Assert.Equal("HS1EB/HS1EB-E", decoder.Directory.ModelOf(Gateway, Zigbee2MqttTestData.DeviceId));
    }

    [Fact]
    public void ADeviceListLargerThanTheStateLimitIsStillLearned()
    {
        var padding = string.Join(',', Enumerable.Repeat("""{"friendly_name":"Living room/lamp","definition":null}""", 3000));
        var payload = Encoding.UTF8.GetBytes($$$"""[{{{padding}}},{"friendly_name":"cb-0001","definition":{"model":"PB206"}}]""");
        Assert.True(payload.Length > DeviceMessageDecoder.DefaultMaxPayloadBytes);

        var decoder = Zigbee2MqttTestData.NewDecoder();
        var result = decoder.Decode(Zigbee2MqttTopics.BridgeDevices(Gateway), payload);

        Assert.True(result.Skipped, result.Detail);
        Assert.Equal("PB206", decoder.Directory.ModelOf(Gateway, "cb-0001"));
    }

    [Fact]
    public void DecodingOnManyThreadsWhileTheGatewayRelearnsItsDevicesAlwaysAnswers()
    {
        var decoder = Zigbee2MqttTestData.NewDecoder();

        Parallel.For(0, 2000, i =>
        {
            if (i % 10 == 0)
            {
                decoder.Learn(Zigbee2MqttTestData.DeviceId, i % 20 == 0 ? "HS1EB/HS1EB-E" : "TS0205");
            }

            var type = decoder.DecodeState(Single).Message?.Type;
            Assert.True(type is DeviceMessageType.Press or DeviceMessageType.StateReport, $"got {type}");
        });
    }
}
