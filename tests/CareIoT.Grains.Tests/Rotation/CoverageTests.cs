using CareIoT.Contracts.Rotation;
using CareIoT.Grains.Rotation;
using CareIoT.Reports;
using Xunit.Abstractions;

namespace CareIoT.Grains.Tests.Rotation;

public sealed class CoverageTests(ITestOutputHelper output)
{
    private static readonly DateTimeOffset Start = new(2026, 11, 23, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void CoverageIsRecordedOnlyWhileAnOperatorWatches()
    {
        var sites = RotationScheduleTests.Sites(12);
        var schedule = new RotationSchedule(new(TimeSpan.FromSeconds(15), 6, TimeSpan.FromHours(1)), Start);
        schedule.SetSites(sites, Start);
        schedule.Tick(Start + TimeSpan.FromSeconds(15));
        Assert.Empty(schedule.Coverage.TakeFinished());

        var joined = Start + TimeSpan.FromSeconds(20);
        schedule.ViewerJoined("screen-1", "李值班", joined);
        schedule.ViewerJoined("screen-2", "李值班", joined);
        schedule.Tick(Start + TimeSpan.FromSeconds(30));
        var entries = schedule.Coverage.TakeFinished();

        Assert.Equal(sites[6..12], entries.Select(e => e.SiteKey));
        Assert.All(entries, e => Assert.Equal((joined, Start + TimeSpan.FromSeconds(30)), (e.From, e.To)));
        Assert.All(entries, e => Assert.Equal(["李值班"], e.Operators));
    }

    [Fact]
    public void LastWatcherLeavingEndsTheSegment()
    {
        var sites = RotationScheduleTests.Sites(6);
        var schedule = new RotationSchedule(new(TimeSpan.FromSeconds(15), 6, TimeSpan.FromHours(1)), Start);
        schedule.SetSites(sites, Start);
        schedule.ViewerJoined("screen-1", "张值班", Start);
        schedule.ViewerLeft("screen-1", Start + TimeSpan.FromSeconds(7));
        schedule.Tick(Start + TimeSpan.FromSeconds(15));

        var entries = schedule.Coverage.TakeFinished();
        Assert.Equal(6, entries.Count);
        Assert.All(entries, e => Assert.Equal(TimeSpan.FromSeconds(7), e.Duration));
    }

    [Fact]
    public void SiteUnseenForLongerThanTheGapRaisesOneNoticeUntilItIsShownAgain()
    {
        var sites = RotationScheduleTests.Sites(12);
        var schedule = new RotationSchedule(new(TimeSpan.FromSeconds(15), 6, TimeSpan.FromSeconds(40)), Start);
        schedule.SetSites(sites, Start);
        schedule.ViewerJoined("screen-1", "王值班", Start);
        schedule.Pause(Start);

        schedule.Tick(Start + TimeSpan.FromSeconds(40));
        Assert.Empty(schedule.Coverage.TakeNotices());
        schedule.Tick(Start + TimeSpan.FromSeconds(41));
        var notices = schedule.Coverage.TakeNotices();
        Assert.Equal(sites[6..12], notices.Select(n => n.SiteKey));
        Assert.All(notices, n => Assert.Null(n.LastShown));

        schedule.Tick(Start + TimeSpan.FromSeconds(90));
        Assert.Empty(schedule.Coverage.TakeNotices());

        schedule.Skip(Start + TimeSpan.FromSeconds(100));
        schedule.Skip(Start + TimeSpan.FromSeconds(110));
        schedule.Tick(Start + TimeSpan.FromSeconds(151));
        var again = schedule.Coverage.TakeNotices();
        Assert.Equal(sites[6..12], again.Select(n => n.SiteKey));
        Assert.All(again, n => Assert.Equal(Start + TimeSpan.FromSeconds(110), n.LastShown));
    }

    [Fact]
    public void TwentyFourHoursOfSixtyFacilitiesCoverEveryFacilityEveryCycle()
    {
        var sites = RotationScheduleTests.Sites(60);
        var settings = new RotationSettings(TimeSpan.FromSeconds(15), 6, TimeSpan.FromMinutes(10));
        var schedule = new RotationSchedule(settings, Start);
        schedule.SetSites(sites, Start);
        schedule.ViewerJoined("wall-1", "王值班", Start);
        List<CoverageEntry> log = [];
        var random = new Random(7);
        var alarms = 0;

        // Ticks every second for 24 h, with a critical alarm about every 40 minutes taken after 1-3 minutes.
        var pending = new List<(string Site, Guid Alert, DateTimeOffset AckAt)>();
        for (var now = Start; now < Start.AddDays(1); now += TimeSpan.FromSeconds(1))
        {
            if (random.Next(2400) == 0)
            {
                var alert = (sites[random.Next(60)], Guid.NewGuid(), now + TimeSpan.FromSeconds(random.Next(60, 180)));
                pending.Add(alert);
                schedule.Alarmed(alert.Item1, alert.Item2, now);
                alarms++;
            }

            foreach (var due in pending.Where(p => p.AckAt <= now).ToList())
            {
                schedule.Acknowledged(due.Site, due.Alert, now);
                pending.Remove(due);
            }

            schedule.Tick(now);
            log.AddRange(schedule.Coverage.TakeFinished());
        }

        var stats = CoverageStatistics.Compute(sites, log, Start, Start.AddDays(1));
        var notices = schedule.Coverage.TakeNotices();
        output.WriteLine($"60 facilities, 6 per page, 15 s dwell, {alarms} alarms in 24 h (fake time), {log.Count} coverage entries");
        output.WriteLine($"showings per facility: min {stats.Min(s => s.Count)}, max {stats.Max(s => s.Count)}");
        output.WriteLine($"time on screen per facility: min {stats.Min(s => s.Shown)}, max {stats.Max(s => s.Shown)}");
        output.WriteLine($"longest gap: {stats.Max(s => s.LongestGap)}; supervision notices: {notices.Count}");

        // Ten pages of 15 s: every facility is shown at least once every 150 s, alarms only lengthen a page.
        Assert.All(stats, s => Assert.True(s.Count >= 86400 / 150 - 60, $"{s.SiteKey} shown {s.Count} times"));
        Assert.All(stats, s => Assert.True(s.LongestGap <= TimeSpan.FromSeconds(150 + (alarms * 15)), $"{s.SiteKey} gap {s.LongestGap}"));
        Assert.Empty(notices);
    }
}
