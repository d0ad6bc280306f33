namespace CareIoT.Reports.Tests;

public sealed class UptimeCsvTests
{
    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("朝阳区,和平街道", "\"朝阳区,和平街道\"")]
    [InlineData("say \"hi\"", "\"say \"\"hi\"\"\"")]
    [InlineData("two\nlines", "\"two\nlines\"")]
    public void FieldsWithCommasQuotesOrLineBreaksAreQuoted(string value, string expected) => Assert.Equal(expected, UptimeCsv.Field(value));

    [Fact]
    public void CsvHoldsEverySectionWithTheConstructedMonthsFigures()
    {
        var report = UptimeReportCalculator.Build(
            new ReportScope("facility", "养老院,一"), ConstructedMonth.From, ConstructedMonth.To, ConstructedMonth.Devices, ConstructedMonth.Alerts, []);
        var lines = UptimeCsv.Write(report).Split("\r\n");

        Assert.StartsWith("\uFEFFscope,facility,\"养老院,一\",from,2026-11-01T00:00:00Z", lines[0], StringComparison.Ordinal);
        Assert.Contains("3,1800,8,99.5556,3,1,180,27216,27160,0.2058", lines);
        Assert.Contains("cb-B,2026-11-20T23:00:00Z,2026-11-21T01:00:00Z,120,Offline", lines);
        Assert.Contains("mt-C,2026-11-30T22:00:00Z,ongoing,120,Offline", lines);
        Assert.Contains("40,39,95,95,30,30,39,600,615.3846", lines);
        Assert.Contains("Fire,4", lines);
    }
}
