namespace CareIoT.Telemetry.Tests;

public sealed class LinePointRulesTests
{
    private static LinePoint Point(string measurement = "m", Dictionary<string, string>? tags = null, Dictionary<string, FieldValue>? fields = null) =>
        new(measurement, tags, fields ?? new() { ["x"] = 1 }, DateTimeOffset.UnixEpoch);

    [Fact]
    public void PointWithoutFieldsIsRejected()
    {
        Assert.Throws<ArgumentException>(() => Point(fields: []));
    }

    [Theory]
    [InlineData("")]
    [InlineData("#comment")]
    [InlineData("two\nlines")]
    [InlineData(@"ends\")]
    [InlineData(@"before\ space")]
    public void MeasurementsLineProtocolCannotCarryAreRejected(string measurement)
    {
        Assert.Throws<ArgumentException>(() => Point(measurement));
    }

    [Theory]
    [InlineData("time", "v")]
    [InlineData("", "v")]
    [InlineData("k", "carriage\rreturn")]
    [InlineData("k", @"slash\=equals")]
    public void TagsLineProtocolCannotCarryAreRejected(string key, string value)
    {
        Assert.Throws<ArgumentException>(() => Point(tags: new() { [key] = value }));
    }

    [Fact]
    public void ReservedFieldKeyTimeIsRejected()
    {
        Assert.Throws<ArgumentException>(() => Point(fields: new() { ["time"] = 1 }));
    }

    [Fact]
    public void StringFieldsWithLineBreaksOrNullAreRejected()
    {
        Assert.Throws<ArgumentException>(() => Point(fields: new() { ["note"] = "a\nb" }));
        Assert.Throws<ArgumentException>(() => Point(fields: new() { ["note"] = FieldValue.String(null!) }));
    }

    [Fact]
    public void DuplicateKeysAreRejected()
    {
        KeyValuePair<string, string>[] tags = [new("a", "1"), new("a", "2")];
        KeyValuePair<string, FieldValue>[] fields = [new("x", 1), new("x", 2)];

        Assert.Throws<ArgumentException>(() => new LinePoint("m", tags, [new("x", 1)], DateTimeOffset.UnixEpoch));
        Assert.Throws<ArgumentException>(() => new LinePoint("m", null, fields, DateTimeOffset.UnixEpoch));
    }
}
