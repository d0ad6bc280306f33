using CareIoT.Contracts.Rotation;

namespace CareIoT.Reports.Tests;

public sealed class CoverageStatisticsTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 23, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void StatisticsMergeTouchingShowingsAndCountGapsAtBothEnds()
    {
        var day = (From: Start, To: Start.AddDays(1));
        CoverageEntry Entry(string site, int fromMinute, int toMinute) =>
            new(site, Start.AddMinutes(fromMinute), Start.AddMinutes(toMinute), ["王值班"]);

        var stats = CoverageStatistics.Compute(
            ["a", "b", "c"],
            [Entry("a", 60, 61), Entry("a", 61, 62), Entry("a", 600, 601), Entry("b", -10, 5), Entry("b", 1430, 1450), Entry("x", 0, 1)],
            day.From,
            day.To);

        Assert.Equal(new SiteCoverage("a", 2, TimeSpan.FromMinutes(3), TimeSpan.FromMinutes(1440 - 601), Start.AddMinutes(601)), stats[0]);
        Assert.Equal(new SiteCoverage("b", 2, TimeSpan.FromMinutes(15), TimeSpan.FromMinutes(1430 - 5), day.To), stats[1]);
        Assert.Equal(new SiteCoverage("c", 0, TimeSpan.Zero, TimeSpan.FromDays(1), null), stats[2]);
    }
}
