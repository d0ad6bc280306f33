using CareIoT.Contracts;
using CareIoT.Ingestion.Zigbee2Mqtt;

namespace CareIoT.Ingestion.Tests.Zigbee2Mqtt;

public sealed class AvailabilityTests
{
    private static string Topic => Zigbee2MqttTopics.AvailabilityOf(Zigbee2MqttTestData.GatewayId, Zigbee2MqttTestData.DeviceId);

    [Theory]
    [InlineData("""{"state":"online"}""", DeviceMessageType.Online)]
    [InlineData("""{"state":"offline"}""", DeviceMessageType.Offline)]
    [InlineData("""{ "state" : "online", "since": 3 }""", DeviceMessageType.Online)]
    [InlineData("online", DeviceMessageType.Online)]
    [InlineData("offline", DeviceMessageType.Offline)]
    [InlineData("offline\n", DeviceMessageType.Offline)]
    public void AvailabilityInTheJsonAndTheLegacyFormIsOnlineOrOffline(string payload, DeviceMessageType type)
    {
        var result = Zigbee2MqttTestData.NewDecoder().Decode(Topic, payload);

        var message = Assert.IsType<DeviceMessage>(result.Message);
        Assert.Equal(type, message.Type);
        Assert.Equal(Zigbee2MqttTestData.DeviceId, message.DeviceId);
        Assert.Equal(Zigbee2MqttTestData.GatewayId, message.GatewayId);
        Assert.Equal(Zigbee2MqttTestData.ReceivedAt, message.DeviceTime);
        Assert.Null(message.Readings);
    }

    [Theory]
    [InlineData("""{"state":"ONLINE"}""", RejectReason.InvalidField)]
    [InlineData("""{"state":true}""", RejectReason.InvalidField)]
    [InlineData("""{"online":true}""", RejectReason.InvalidField)]
    [InlineData("""["online"]""", RejectReason.InvalidField)]
    [InlineData("""{"state":"online" """, RejectReason.MalformedJson)]
    [InlineData("Online", RejectReason.MalformedJson)]
    [InlineData("unknown", RejectReason.MalformedJson)]
    public void AvailabilityThatIsNeitherFormIsRejected(string payload, RejectReason reason)
    {
        var result = Zigbee2MqttTestData.NewDecoder().Decode(Topic, payload);

        Assert.Null(result.Message);
        Assert.Equal(reason, result.Reason);
        Assert.Equal(Zigbee2MqttTestData.DeviceId, result.DeviceId);
        Assert.False(string.IsNullOrWhiteSpace(result.Detail));
    }

    [Fact]
    public void EmptyAvailabilityIsAClearedRetainedMessageAndSkipped()
    {
        var result = Zigbee2MqttTestData.NewDecoder().Decode(Topic, "");

        Assert.True(result.Skipped);
        Assert.Null(result.Reason);
        Assert.Equal(Zigbee2MqttTestData.DeviceId, result.DeviceId);
    }
}
