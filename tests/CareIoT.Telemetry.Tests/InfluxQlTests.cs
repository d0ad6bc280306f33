namespace CareIoT.Telemetry.Tests;

public sealed class InfluxQlTests
{
    [Fact]
    public void IdentifiersAreDoubleQuotedWithQuotesAndBackslashesEscaped()
    {
        Assert.Equal("\"床垫 体征\"", InfluxQl.Identifier("床垫 体征"));
        Assert.Equal("\"a\\\"b\\\\c\"", InfluxQl.Identifier("a\"b\\c"));
    }

    [Fact]
    public void StringsAreSingleQuotedWithQuotesEscaped()
    {
        Assert.Equal("'it\\'s'", InfluxQl.String("it's"));
    }

    [Theory]
    [InlineData(7 * 24 * 3600, "1w")]
    [InlineData(2 * 24 * 3600, "2d")]
    [InlineData(36 * 3600, "36h")]
    [InlineData(90 * 60, "90m")]
    [InlineData(45, "45s")]
    public void DurationsUseTheLargestExactUnit(int seconds, string expected)
    {
        Assert.Equal(expected, InfluxQl.Duration(TimeSpan.FromSeconds(seconds)));
    }

    [Fact]
    public void ZeroAndInfiniteDurationsAreInf()
    {
        Assert.Equal("INF", InfluxQl.Duration(TimeSpan.Zero));
        Assert.Equal("INF", InfluxQl.Duration(Timeout.InfiniteTimeSpan));
        Assert.Equal("1500ms", InfluxQl.Duration(TimeSpan.FromMilliseconds(1500)));
    }
}
