using System.Text;
using CareIoT.Contracts;

namespace CareIoT.Ingestion.Tests;

public sealed class DecoderRejectsPayloadTests
{
    [Theory]
    [InlineData("""{"id":"m-1","ts":"2026-11-23T08:15:02Z","type":"press" """, RejectReason.MalformedJson)]
    [InlineData("not json at all", RejectReason.MalformedJson)]
    [InlineData("", RejectReason.MalformedJson)]
    [InlineData("""{"id":"m-1","ts":5,"type":"press"}""", RejectReason.InvalidField)]
    [InlineData("""{"id":7,"ts":"2026-11-23T08:15:02Z","type":"press"}""", RejectReason.InvalidField)]
    [InlineData("""{"id":"m-1","ts":"yesterday","type":"press"}""", RejectReason.InvalidField)]
    [InlineData("""{"id":"m-1","ts":"2026-11-23T08:15:02Z","type":"press","pad":80}""", RejectReason.InvalidField)]
    [InlineData("""{"id":"m-1","ts":"2026-11-23T08:15:02Z","type":"low_battery","battery":101}""", RejectReason.InvalidField)]
    [InlineData("""{"id":"m-1","ts":"2026-11-23T08:15:02Z","type":"low_battery","rssi":12}""", RejectReason.InvalidField)]
    [InlineData("""{"id":"m-1","ts":"2026-11-23T08:15:02Z","type":"press","battery":"full"}""", RejectReason.InvalidField)]
    [InlineData("""{"id":"m-1","ts":"2026-11-23T08:15:02Z","type":"press","device":"cb-0002"}""", RejectReason.TopicDeviceMismatch)]
    [InlineData("""{"id":"m-1","ts":"2026-11-22T08:15:02Z","type":"press"}""", RejectReason.Replayed)]
    [InlineData("""{"id":"m-1","ts":"2026-11-23T08:15:02Z","type":"heartbeat"}""", RejectReason.UnknownType)]
    [InlineData("""{"ts":"2026-11-23T08:15:02Z","type":"press"}""", RejectReason.InvalidField)]
    [InlineData("""{"id":null,"ts":"2026-11-23T08:15:02Z","type":"press"}""", RejectReason.InvalidField)]
    [InlineData("""{"id":"m-1","type":"press"}""", RejectReason.InvalidField)]
    [InlineData("null", RejectReason.InvalidField)]
    [InlineData("""{"id":"","ts":"2026-11-23T08:15:02Z","type":"press"}""", RejectReason.InvalidField)]
    [InlineData("""{"id":"   ","ts":"2026-11-23T08:15:02Z","type":"press"}""", RejectReason.InvalidField)]
    [InlineData("""{"id":"m-1","ts":"2026-11-23T08:15:02Z","type":"fall"}""", RejectReason.UnknownType)]
    [InlineData("""{"id":"m-1","ts":"2026-11-23T08:15:02Z","type":"PRESS"}""", RejectReason.UnknownType)]
    public void PayloadIsRejectedWithItsReasonAndTheDeviceId(string json, RejectReason reason)
    {
        var result = ExamplePayloads.Decode(ExamplePayloads.EventsTopic, json);

        AssertRejected(result, reason);
    }

    [Fact]
    public void UnknownFieldIsNamedInTheDetail()
    {
        var result = ExamplePayloads.Decode(ExamplePayloads.EventsTopic, """{"id":"m-1","ts":"2026-11-23T08:15:02Z","type":"press","pad":80}""");

        AssertRejected(result, RejectReason.InvalidField);
        Assert.Contains("pad", result.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void MissingIdIsNamedInTheDetail()
    {
        var result = ExamplePayloads.Decode(ExamplePayloads.EventsTopic, """{"ts":"2026-11-23T08:15:02Z","type":"press"}""");

        AssertRejected(result, RejectReason.InvalidField);
        Assert.Contains("id", result.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void IdLongerThanSixtyFourCharactersIsAnInvalidField()
    {
        var json = $$"""{"id":"{{new string('a', 65)}}","ts":"2026-11-23T08:15:02Z","type":"press"}""";

        AssertRejected(ExamplePayloads.Decode(ExamplePayloads.EventsTopic, json), RejectReason.InvalidField);
    }

    [Fact]
    public void PayloadOverSixtyFourKibibytesIsOversize()
    {
        var padded = $$"""{"id":"m-1","ts":"2026-11-23T08:15:02Z","type":"press","pad":"{{new string('x', 64 * 1024)}}"}""";

        var result = ExamplePayloads.Decode(ExamplePayloads.EventsTopic, Encoding.UTF8.GetBytes(padded));

        AssertRejected(result, RejectReason.Oversize);
    }

    [Fact]
    public void OversizeIsJudgedByTheAnnouncedSizeNotTheKeptBytes()
    {
        var kept = ExamplePayloads.Read(ExamplePayloads.Press);
        var decoder = new DeviceMessageDecoder(DeviceMessageDecoder.DefaultMaxPayloadBytes);

        var result = decoder.Decode(ExamplePayloads.EventsTopic, kept, DeviceMessageDecoder.DefaultMaxPayloadBytes + 1, ExamplePayloads.ReceivedAt);

        AssertRejected(result, RejectReason.Oversize);
        Assert.Contains((DeviceMessageDecoder.DefaultMaxPayloadBytes + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), result.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void PayloadOfExactlyTheLimitIsNotOversize()
    {
        var press = ExamplePayloads.Read(ExamplePayloads.Press);
        var decoder = new DeviceMessageDecoder(press.Length);

        var result = decoder.Decode(ExamplePayloads.EventsTopic, press, press.Length, ExamplePayloads.ReceivedAt);

        Assert.Equal(DeviceMessageType.Press, result.Message?.Type);
    }

    private static void AssertRejected(DecodeResult result, RejectReason reason)
    {
        Assert.Null(result.Message);
        Assert.Equal(reason, result.Reason);
        Assert.Equal(ExamplePayloads.DeviceId, result.DeviceId);
        Assert.False(string.IsNullOrWhiteSpace(result.Detail));
    }
}
