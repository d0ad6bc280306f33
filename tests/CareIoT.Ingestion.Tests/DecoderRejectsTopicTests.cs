using CareIoT.DeviceProtocol;

namespace CareIoT.Ingestion.Tests;

public sealed class DecoderRejectsTopicTests
{
    [Theory]
    [InlineData("careiot/v2/devices/cb-0001/events")]
    [InlineData("other/v1/devices/cb-0001/events")]
    [InlineData("careiot/v1/devices/cb-0001")]
    [InlineData("careiot/v1/devices/cb-0001/events/extra")]
    [InlineData("careiot/v1/devices//events")]
    [InlineData("careiot/v1/devices/cb 0001/events")]
    [InlineData("careiot/v1/devices/cb.0001/events")]
    [InlineData("careiot/v1/devices/cb+0001/events")]
    [InlineData("careiot/v1/devices/cb-ä001/events")]
    [InlineData("")]
    public void TopicOutsideTheProtocolIsABadTopicWithoutADeviceId(string topic)
    {
        var result = ExamplePayloads.Decode(topic, ExamplePayloads.Read(ExamplePayloads.Press));

        Assert.Null(result.Message);
        Assert.Equal(RejectReason.BadTopic, result.Reason);
        Assert.Null(result.DeviceId);
        Assert.False(string.IsNullOrWhiteSpace(result.Detail));
    }

    [Fact]
    public void DeviceIdLongerThanSixtyFourCharactersIsABadTopic()
    {
        var result = ExamplePayloads.Decode(DeviceTopics.Events(new string('d', 65)), ExamplePayloads.Read(ExamplePayloads.Press));

        Assert.Equal(RejectReason.BadTopic, result.Reason);
    }

    [Fact]
    public void VeryLongTopicIsTruncatedInTheDetail()
    {
        var topic = "x/" + new string('y', 10_000);

        var result = ExamplePayloads.Decode(topic, ExamplePayloads.Read(ExamplePayloads.Press));

        Assert.Equal(RejectReason.BadTopic, result.Reason);
        Assert.True(result.Detail.Length < 300, $"detail has {result.Detail.Length} characters");
    }

    [Theory]
    [InlineData("commands")]
    [InlineData("Events")]
    [InlineData("")]
    public void UnknownChannelIsRejectedWithTheDeviceId(string channel)
    {
        var result = ExamplePayloads.Decode($"{DeviceTopics.Prefix}/{ExamplePayloads.DeviceId}/{channel}", ExamplePayloads.Read(ExamplePayloads.Press));

        Assert.Null(result.Message);
        Assert.Equal(RejectReason.UnknownChannel, result.Reason);
        Assert.Equal(ExamplePayloads.DeviceId, result.DeviceId);
        Assert.False(string.IsNullOrWhiteSpace(result.Detail));
    }

    [Fact]
    public void DeviceIdEndingInANewlineIsABadTopic()
    {
        var result = ExamplePayloads.Decode("careiot/v1/devices/cb-0001\n/events", ExamplePayloads.Read(ExamplePayloads.Press));

        Assert.Equal(RejectReason.BadTopic, result.Reason);
    }
}
