using System.Text;
using CareIoT.Contracts;
using CareIoT.Ingestion.Zigbee2Mqtt;

namespace CareIoT.Ingestion.Tests.Zigbee2Mqtt;

public sealed class RejectsTopicAndSizeTests
{
    private const string Press = """{"action":"emergency","battery":100,"linkquality":120}""";

    [Theory]
    [InlineData("careiot/z2m/gw-0001")]
    [InlineData("careiot/z2m/")]
    [InlineData("careiot/z2m/gw 0001/cb-0001")]
    [InlineData("careiot/z2m//cb-0001")]
    [InlineData("careiot/z2m/gw.0001/cb-0001/availability")]
    [InlineData("careiot/z2m/gw-0001/cb 0001")]
    [InlineData("careiot/z2m/gw-0001/")]
    [InlineData("careiot/z2m/gw-0001/cb-0001\n")]
    [InlineData("careiot/z2m/gw-0001/cb-ä001")]
    [InlineData("careiot/v1/devices/cb-0001/events")]
    [InlineData("")]
    public void TopicWithoutAValidGatewayAndDeviceIsABadTopicWithoutADeviceId(string topic)
    {
        Zigbee2MqttTestData.AssertRejected(Zigbee2MqttTestData.NewDecoder().Decode(topic, Press), RejectReason.BadTopic, deviceId: null);
    }

    [Theory]
    [InlineData("careiot/z2m/gw-0001/cb-0001/battery")]
    [InlineData("careiot/z2m/gw-0001/cb-0001/availability/extra")]
    [InlineData("careiot/z2m/gw-0001/cb-0001/l1")]
    public void TopicWithTheWrongLevelsAfterAValidDeviceIsABadTopicWithTheDeviceId(string topic)
    {
        Zigbee2MqttTestData.AssertRejected(Zigbee2MqttTestData.NewDecoder().Decode(topic, Press), RejectReason.BadTopic, Zigbee2MqttTestData.DeviceId);
    }

    [Fact]
    public void DeviceIdLongerThanSixtyFourCharactersIsABadTopic()
    {
        var result = Zigbee2MqttTestData.NewDecoder().DecodeState(Press, deviceId: new string('d', 65));

        Zigbee2MqttTestData.AssertRejected(result, RejectReason.BadTopic, deviceId: null);
    }

    [Fact]
    public void StateOverSixtyFourKibibytesIsOversize()
    {
        var payload = Encoding.UTF8.GetBytes($$"""{"action":"emergency","pad":"{{new string('x', 64 * 1024)}}"}""");

        Zigbee2MqttTestData.AssertRejected(Zigbee2MqttTestData.NewDecoder().Decode(Zigbee2MqttTestData.StateTopic, payload), RejectReason.Oversize);
    }

    [Fact]
    public void OversizeIsJudgedByTheAnnouncedSizeNotTheKeptBytes()
    {
        var kept = Encoding.UTF8.GetBytes(Press);

        var result = Zigbee2MqttTestData.NewDecoder().Decode(Zigbee2MqttTestData.StateTopic, kept, 64 * 1024 + 1, Zigbee2MqttTestData.ReceivedAt);

        Zigbee2MqttTestData.AssertRejected(result, RejectReason.Oversize);
        Assert.Contains("65537", result.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void PayloadOfExactlyTheLimitIsNotOversize()
    {
        var press = Encoding.UTF8.GetBytes(Press);
        var decoder = new Zigbee2MqttDecoder(Zigbee2MqttTestData.Catalog, maxPayloadBytes: press.Length);

        Assert.Equal(DeviceMessageType.Press, decoder.Decode(Zigbee2MqttTestData.StateTopic, press).Message?.Type);
    }

    [Fact]
    public void DeviceListBeyondItsOwnLimitIsOversize()
    {
        var payload = Encoding.UTF8.GetBytes("[]");

        var result = Zigbee2MqttTestData.NewDecoder().Decode(
            Zigbee2MqttTopics.BridgeDevices(Zigbee2MqttTestData.GatewayId), payload, Zigbee2MqttDecoder.DefaultMaxBridgeDevicesBytes + 1, Zigbee2MqttTestData.ReceivedAt);

        Zigbee2MqttTestData.AssertRejected(result, RejectReason.Oversize, deviceId: null);
    }
}
