namespace CareIoT.Telemetry.Tests;

public sealed class LineProtocolEscapingTests
{
    private static readonly DateTimeOffset At = DateTimeOffset.UnixEpoch.AddSeconds(1);

    private static string Line(string measurement, Dictionary<string, string>? tags, Dictionary<string, FieldValue> fields) =>
        LineProtocol.Format(new LinePoint(measurement, tags, fields, At));

    [Fact]
    public void MeasurementSpacesAndCommasAreEscaped()
    {
        Assert.Equal(@"bed\ vitals\,v2 x=1i 1000000000", Line("bed vitals,v2", null, new() { ["x"] = 1 }));
    }

    [Fact]
    public void EqualsSignsInAMeasurementAreLeftAlone()
    {
        Assert.Equal("a=b x=1i 1000000000", Line("a=b", null, new() { ["x"] = 1 }));
    }

    [Fact]
    public void TagValuesWithSpacesCommasAndEqualsAreEscaped()
    {
        var line = Line("m", new() { ["room"] = "A 1,b=c" }, new() { ["x"] = 1 });

        Assert.Equal(@"m,room=A\ 1\,b\=c x=1i 1000000000", line);
    }

    [Fact]
    public void TagKeysAndFieldKeysWithSpacesCommasAndEqualsAreEscaped()
    {
        var line = Line("m", new() { ["bed no,=x"] = "1" }, new() { ["heart rate,=bpm"] = 72 });

        Assert.Equal(@"m,bed\ no\,\=x=1 heart\ rate\,\=bpm=72i 1000000000", line);
    }

    [Fact]
    public void StringFieldValuesAreQuotedWithQuotesAndBackslashesEscaped()
    {
        var line = Line("m", null, new() { ["note"] = "said \"C:\\temp\", then left" });

        Assert.Equal("m note=\"said \\\"C:\\\\temp\\\", then left\" 1000000000", line);
    }

    [Fact]
    public void BackslashesInNamesPassThroughUnchanged()
    {
        var line = Line(@"C:\data", new() { ["path"] = @"C:\temp" }, new() { ["x"] = 1 });

        Assert.Equal(@"C:\data,path=C:\temp x=1i 1000000000", line);
    }

    [Fact]
    public void ChineseMeasurementAndTagNamesPassThroughAsUnicode()
    {
        var line = Line("床垫 体征", new() { ["床位"] = "三楼 东区" }, new() { ["心率"] = 72, ["备注"] = "平稳" });

        Assert.Equal("床垫\\ 体征,床位=三楼\\ 东区 心率=72i,备注=\"平稳\" 1000000000", line);
    }

    [Fact]
    public void TagsAreSortedByKeyAndFieldsKeepTheirOrder()
    {
        var line = Line("m", new() { ["zone"] = "z", ["bed"] = "b", ["Area"] = "a" }, new() { ["z"] = 1, ["a"] = 2 });

        Assert.Equal("m,Area=a,bed=b,zone=z z=1i,a=2i 1000000000", line);
    }

    [Fact]
    public void TagsWithAnEmptyValueAreLeftOut()
    {
        Assert.Equal("m,b=1 x=1i 1000000000", Line("m", new() { ["a"] = "", ["b"] = "1" }, new() { ["x"] = 1 }));
    }
}
