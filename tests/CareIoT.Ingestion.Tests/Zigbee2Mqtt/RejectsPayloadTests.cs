namespace CareIoT.Ingestion.Tests.Zigbee2Mqtt;

public sealed class RejectsPayloadTests
{
    [Theory]
    [InlineData("""{"action":"emergency" """)]
    [InlineData("not json at all")]
    [InlineData("""{"battery":100} {"battery":90}""")]
    [InlineData("""{"battery":100,}""")]
    [InlineData("""{'battery':100}""")]
    public void StateThatIsNotJsonIsMalformedJson(string payload)
    {
        Zigbee2MqttTestData.AssertRejected(Zigbee2MqttTestData.NewDecoder().DecodeState(payload), RejectReason.MalformedJson);
    }

    [Fact]
    public void StateThatIsNotUtf8IsMalformedJson()
    {
        byte[] payload = [.. "{\"action\":\""u8, 0xC3, 0x28, .. "\"}"u8];

        Zigbee2MqttTestData.AssertRejected(Zigbee2MqttTestData.NewDecoder().Decode(Zigbee2MqttTestData.StateTopic, payload), RejectReason.MalformedJson);
    }

    [Fact]
    public void StateNestedTooDeeplyIsMalformedJson()
    {
        var payload = $$"""{"a":{{new string('[', 200)}}{{new string(']', 200)}}}""";

        Zigbee2MqttTestData.AssertRejected(Zigbee2MqttTestData.NewDecoder().DecodeState(payload), RejectReason.MalformedJson);
    }

    [Theory]
    [InlineData("""{"battery":"high"}""", "battery")]
    [InlineData("""{"battery":1e400}""", "battery")]
    [InlineData("""{"battery":30000000000}""", "battery")]
    [InlineData("""{"battery_low":"no"}""", "battery_low")]
    [InlineData("""{"linkquality":true}""", "linkquality")]
    [InlineData("""{"smoke":1}""", "smoke")]
    [InlineData("""{"tamper":"false"}""", "tamper")]
    [InlineData("""{"trouble":0}""", "trouble")]
    [InlineData("""{"fault":"E3"}""", "fault")]
    [InlineData("""{"test":[]}""", "test")]
    [InlineData("""{"presence":"yes"}""", "presence")]
    [InlineData("""{"occupancy":{}}""", "occupancy")]
    [InlineData("""{"breathing_rate":"14"}""", "breathing_rate")]
    [InlineData("""{"action":5}""", "action")]
    [InlineData("""{"sos":"yes"}""", "sos")]
    [InlineData("""{"last_seen":true}""", "last_seen")]
    [InlineData("""{"device":"cb-0001"}""", "device")]
    [InlineData("""{"device":{"friendlyName":7}}""", "friendlyName")]
    public void KnownKeyWithTheWrongJsonTypeIsAnInvalidFieldNamedInTheDetail(string payload, string key)
    {
        var result = Zigbee2MqttTestData.NewDecoder().DecodeState(payload);

        Zigbee2MqttTestData.AssertRejected(result, RejectReason.InvalidField);
        Assert.Contains(key, result.Detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("[]")]
    [InlineData("\"emergency\"")]
    [InlineData("42")]
    [InlineData("null")]
    [InlineData("true")]
    public void StateThatIsNotAJsonObjectIsAnInvalidField(string payload)
    {
        Zigbee2MqttTestData.AssertRejected(Zigbee2MqttTestData.NewDecoder().DecodeState(payload), RejectReason.InvalidField);
    }

    [Fact]
    public void PayloadNamingAnotherDeviceIsATopicDeviceMismatch()
    {
        var result = Zigbee2MqttTestData.NewDecoder().DecodeState("""{"action":"emergency","device":{"friendlyName":"cb-0002","model":"TS0215A_sos"}}""");

        Zigbee2MqttTestData.AssertRejected(result, RejectReason.TopicDeviceMismatch);
        Assert.Contains("cb-0002", result.Detail, StringComparison.Ordinal);
    }
}
