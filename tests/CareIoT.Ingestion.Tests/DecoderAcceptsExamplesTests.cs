using CareIoT.Contracts;
using CareIoT.DeviceProtocol;

namespace CareIoT.Ingestion.Tests;

public sealed class DecoderAcceptsExamplesTests
{
    [Theory]
    [InlineData("call-button-press.json", DeviceChannels.Events, DeviceMessageType.Press, "cb-0001-000101")]
    [InlineData("call-button-cancel.json", DeviceChannels.Events, DeviceMessageType.Cancel, "cb-0001-000102")]
    [InlineData("call-button-low-battery.json", DeviceChannels.Events, DeviceMessageType.LowBattery, "cb-0001-000103")]
    [InlineData("smoke-alarm-alarm.json", DeviceChannels.Events, DeviceMessageType.SmokeAlarm, "sa-0001-000201")]
    [InlineData("smoke-alarm-clear.json", DeviceChannels.Events, DeviceMessageType.SmokeClear, "sa-0001-000202")]
    [InlineData("smoke-alarm-test.json", DeviceChannels.Events, DeviceMessageType.SmokeTest, "sa-0001-000203")]
    [InlineData("smoke-alarm-tamper.json", DeviceChannels.Events, DeviceMessageType.Tamper, "sa-0001-000204")]
    [InlineData("smoke-alarm-fault.json", DeviceChannels.Events, DeviceMessageType.Fault, "sa-0001-000205")]
    [InlineData("smoke-alarm-low-battery.json", DeviceChannels.Events, DeviceMessageType.LowBattery, "sa-0001-000206")]
    [InlineData("mattress-vitals.json", DeviceChannels.Telemetry, DeviceMessageType.Vitals, "mt-0001-000301")]
    [InlineData("mattress-bed-exit.json", DeviceChannels.Events, DeviceMessageType.BedExit, "mt-0001-000302")]
    [InlineData("mattress-bed-return.json", DeviceChannels.Events, DeviceMessageType.BedReturn, "mt-0001-000303")]
    [InlineData("heartbeat.json", DeviceChannels.Status, DeviceMessageType.Heartbeat, "cb-0001-000104")]
    [InlineData("last-will-offline.json", DeviceChannels.Status, DeviceMessageType.Offline, "will-7f3a")]
    public void EveryExamplePayloadDecodesOnItsChannel(string file, string channel, DeviceMessageType type, string id)
    {
        var topic = $"{DeviceTopics.Prefix}/{ExamplePayloads.DeviceId}/{channel}";

        var result = ExamplePayloads.Decode(topic, ExamplePayloads.Read(file));

        var message = Assert.IsType<DeviceMessage>(result.Message);
        Assert.Null(result.Reason);
        Assert.Equal((ExamplePayloads.DeviceId, id, type), (message.DeviceId, message.MessageId, type));
        Assert.Equal(type, message.Type);
        Assert.Equal(ExamplePayloads.ReceivedAt, message.ReceivedAt);
    }

    [Fact]
    public void VitalsCarryPresenceHeartRateRespirationAndMovement()
    {
        var result = ExamplePayloads.Decode(DeviceTopics.Telemetry(ExamplePayloads.DeviceId), ExamplePayloads.Read("mattress-vitals.json"));

        var readings = Assert.IsType<DeviceReadings>(result.Message?.Readings);
        Assert.Equal((true, 64, 15, 3), (readings.Presence, readings.HeartRate, readings.RespirationRate, readings.Movement));
    }

    [Fact]
    public void HeartbeatCarriesBatterySignalAndFirmware()
    {
        var result = ExamplePayloads.Decode(ExamplePayloads.StatusTopic, ExamplePayloads.Read(ExamplePayloads.Heartbeat));

        var readings = Assert.IsType<DeviceReadings>(result.Message?.Readings);
        Assert.Equal((87, -67, "1.4.2"), (readings.BatteryPercent, readings.SignalDbm, readings.Firmware));
    }

    [Fact]
    public void FaultCarriesItsCode() =>
        Assert.Equal("E03-chamber", ExamplePayloads.Decode(ExamplePayloads.EventsTopic, ExamplePayloads.Read("smoke-alarm-fault.json")).Message?.Readings?.FaultCode);

    [Fact]
    public void IdOfExactlySixtyFourCharactersIsAccepted()
    {
        var id = new string('a', 64);

        var result = ExamplePayloads.Decode(ExamplePayloads.EventsTopic, $$"""{"id":"{{id}}","ts":"2026-11-23T08:15:02Z","type":"press"}""");

        Assert.Equal(id, result.Message?.MessageId);
    }

    [Fact]
    public void TimestampWithAnOffsetKeepsTheInstant()
    {
        var result = ExamplePayloads.Decode(ExamplePayloads.EventsTopic, """{"id":"m-1","ts":"2026-11-23T09:15:02+01:00","type":"press"}""");

        Assert.Equal(new DateTimeOffset(2026, 11, 23, 8, 15, 2, TimeSpan.Zero), result.Message?.DeviceTime);
    }

    [Fact]
    public void LastWillOlderThanTheReplayWindowIsStillAccepted() =>
        Assert.Equal(DeviceMessageType.Offline, ExamplePayloads.Decode(ExamplePayloads.StatusTopic, ExamplePayloads.Read("last-will-offline.json")).Message?.Type);
}
