using CareIoT.Ingestion.Zigbee2Mqtt;

namespace CareIoT.Ingestion.Tests.Zigbee2Mqtt;

public sealed class TopicTests
{
    private const string Press = """{"action":"emergency"}""";

    [Theory]
    [InlineData("careiot/z2m/gw-0001/cb-0001", true)]
    [InlineData("careiot/z2m/gw-0001/bridge/devices", true)]
    [InlineData("careiot/z2m/", true)]
    [InlineData("careiot/v1/devices/cb-0001/events", false)]
    [InlineData("careiot/z2m", false)]
    [InlineData("Careiot/z2m/gw-0001/cb-0001", false)]
    [InlineData("zigbee2mqtt/cb-0001", false)]
    [InlineData("", false)]
    public void OnlyTopicsUnderTheZigbee2MqttPrefixAreZigbee2Mqtt(string topic, bool expected)
    {
        Assert.Equal(expected, Zigbee2MqttTopics.IsZigbee2Mqtt(topic));
    }

    [Theory]
    [InlineData("bridge/state")]
    [InlineData("bridge/info")]
    [InlineData("bridge/logging")]
    [InlineData("bridge/event")]
    [InlineData("bridge/groups")]
    [InlineData("bridge/definitions")]
    [InlineData("bridge/extensions")]
    [InlineData("bridge/response/device/rename")]
    [InlineData("bridge/request/permit_join")]
    [InlineData("bridge/devices/extra")]
    [InlineData("bridge")]
    public void BridgeTopicsOtherThanTheDeviceListAreSkipped(string level)
    {
        var result = Zigbee2MqttTestData.NewDecoder().Decode($"careiot/z2m/gw-0001/{level}", """{"state":"online"}""");

        Assert.True(result.Skipped);
        Assert.Null(result.Reason);
        Assert.False(string.IsNullOrWhiteSpace(result.Detail));
    }

    [Theory]
    [InlineData("careiot/z2m/gw-0001/cb-0001/set", "cb-0001")]
    [InlineData("careiot/z2m/gw-0001/cb-0001/get", "cb-0001")]
    [InlineData("careiot/z2m/gw-0001/cb-0001/set/state", "cb-0001")]
    [InlineData("careiot/z2m/gw-0001/Living room/lamp/set", null)]
    public void CommandsToDevicesAreSkipped(string topic, string? deviceId)
    {
        var result = Zigbee2MqttTestData.NewDecoder().Decode(topic, Press);

        Assert.True(result.Skipped);
        Assert.Null(result.Message);
        Assert.Equal(deviceId, result.DeviceId);
    }

    [Fact]
    public void TheTopicBuildersProduceTopicsTheParserUnderstands()
    {
        Assert.Equal(
            new Zigbee2MqttTopic(Zigbee2MqttTopicKind.State, "gw-1", "cb-1"),
            Zigbee2MqttTopics.Parse(Zigbee2MqttTopics.State("gw-1", "cb-1")));
        Assert.Equal(
            new Zigbee2MqttTopic(Zigbee2MqttTopicKind.Availability, "gw-1", "cb-1"),
            Zigbee2MqttTopics.Parse(Zigbee2MqttTopics.AvailabilityOf("gw-1", "cb-1")));
        Assert.Equal(
            new Zigbee2MqttTopic(Zigbee2MqttTopicKind.BridgeDevices, "gw-1", null),
            Zigbee2MqttTopics.Parse(Zigbee2MqttTopics.BridgeDevices("gw-1")));
    }
}
