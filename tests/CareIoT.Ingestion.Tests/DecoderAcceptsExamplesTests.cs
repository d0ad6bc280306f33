using CareIoT.Contracts;

namespace CareIoT.Ingestion.Tests;

public sealed class DecoderAcceptsExamplesTests
{
    [Theory]
    [InlineData(ExamplePayloads.Press, DeviceMessageType.Press, "a1f4c2d0-0001", "2026-11-23T08:15:02Z")]
    [InlineData(ExamplePayloads.Cancel, DeviceMessageType.Cancel, "a1f4c2d0-0002", "2026-11-23T08:15:09Z")]
    [InlineData(ExamplePayloads.Heartbeat, DeviceMessageType.Heartbeat, "a1f4c2d0-0003", "2026-11-23T08:30:00Z")]
    public void ExamplePayloadDecodesToItsMessage(string file, DeviceMessageType type, string id, string ts)
    {
        var result = ExamplePayloads.Decode(ExamplePayloads.EventsTopic, ExamplePayloads.Read(file));

        var message = Assert.IsType<DeviceMessage>(result.Message);
        Assert.Null(result.Reason);
        Assert.Equal(ExamplePayloads.DeviceId, result.DeviceId);
        Assert.Equal(ExamplePayloads.DeviceId, message.DeviceId);
        Assert.Equal(id, message.MessageId);
        Assert.Equal(type, message.Type);
        Assert.Equal(DateTimeOffset.Parse(ts, System.Globalization.CultureInfo.InvariantCulture), message.DeviceTime);
        Assert.Equal(ExamplePayloads.ReceivedAt, message.ReceivedAt);
    }

    [Fact]
    public void HeartbeatOnTheStatusChannelIsAccepted()
    {
        var result = ExamplePayloads.Decode(ExamplePayloads.StatusTopic, ExamplePayloads.Read(ExamplePayloads.Heartbeat));

        Assert.Equal(DeviceMessageType.Heartbeat, result.Message?.Type);
    }

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
}
