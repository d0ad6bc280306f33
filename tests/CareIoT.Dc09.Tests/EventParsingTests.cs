namespace CareIoT.Dc09.Tests;

/// <summary>Contact ID and SIA data blocks read into events.</summary>
public sealed class EventParsingTests
{
    [Theory]
    [InlineData("#1234|1101 01 003", 1, 101, 1, 3)]
    [InlineData("#1234|3110 02 015", 3, 110, 2, 15)]
    [InlineData("6302 00 000", 6, 302, 0, 0)]
    public void ContactIdDataReadsQualifierCodePartitionAndZone(string data, int qualifier, int code, int partition, int zone)
    {
        Assert.True(ContactIdEvent.TryParse(data, out var e));
        Assert.Equal(new ContactIdEvent(qualifier, code, partition, zone), e);
    }

    [Theory]
    [InlineData("#1234|2101 01 003")] // qualifier 2 does not exist
    [InlineData("#1234|1101 1 003")]
    [InlineData("#1234|1101 01 0A3")]
    [InlineData("#1234|1101  01 003")]
    [InlineData("")]
    public void MalformedContactIdDataIsRefused(string data) => Assert.False(ContactIdEvent.TryParse(data, out _));

    [Fact]
    public void SiaBlocksCarryTheAreaSetBeforeThemAndTheirNumbers()
    {
        Assert.True(SiaEvent.TryParseAll("#1234|Nri1/FA23/MA5/ri2/YT", out var events));
        Assert.Equal([new SiaEvent("FA", 23, 1), new SiaEvent("MA", 5, 1), new SiaEvent("YT", null, 2)], events);
    }

    [Theory]
    [InlineData("#1234|NFA23", "FA", 23, null)]
    [InlineData("Nri3FA1", "FA", 1, 3)]
    public void SiaDataInTheUsualShapesReadsOneEvent(string data, string code, int? number, int? area)
    {
        Assert.True(SiaEvent.TryParseAll(data, out var events));
        Assert.Equal(new SiaEvent(code, number, area), Assert.Single(events));
    }

    [Fact]
    public void SiaUserAndTimeModifiersAreKeptWithTheEvent()
    {
        Assert.True(SiaEvent.TryParseAll("#1234|Nid1/OP5", out var opening));
        Assert.True(SiaEvent.TryParseAll("#1234|Nti10:30/RP", out var test));

        Assert.Equal(new SiaEvent("OP", 5, null, User: 1), Assert.Single(opening));
        Assert.Equal(new SiaEvent("RP", null, null, Time: new TimeOnly(10, 30)), Assert.Single(test));
    }

    [Theory]
    [InlineData("#1234|N")]
    [InlineData("#1234|Nri1")]
    [InlineData("#1234|XFA23")]
    [InlineData("#1234|NFA23x")]
    [InlineData("#1234|NF")]
    [InlineData("#1234|Nri1//FA2")]
    [InlineData("#1234|NFA1234567")]
    public void MalformedSiaDataIsRefused(string data) => Assert.False(SiaEvent.TryParseAll(data, out _));
}
