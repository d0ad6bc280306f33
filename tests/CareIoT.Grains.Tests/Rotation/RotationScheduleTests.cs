using CareIoT.Contracts.Rotation;
using CareIoT.Grains.Rotation;

namespace CareIoT.Grains.Tests.Rotation;

public sealed class RotationScheduleTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 23, 0, 0, 0, TimeSpan.Zero);
    private static readonly RotationSettings FifteenSecondsSixPerPage = new(TimeSpan.FromSeconds(15), 6, TimeSpan.FromMinutes(5));

    [Fact]
    public void EverySiteIsOnScreenWithinOneCycle()
    {
        var sites = Sites(20);
        var schedule = Watched(sites, out var now);
        var seen = new HashSet<string>(schedule.View.OnScreen);
        Assert.Equal(4, schedule.View.PageCount);

        for (var page = 1; page < 4; page++)
        {
            now += TimeSpan.FromSeconds(15);
            schedule.Tick(now);
            seen.UnionWith(schedule.View.OnScreen);
        }

        Assert.Equal(sites.ToHashSet(), seen);
        now += TimeSpan.FromSeconds(15);
        schedule.Tick(now);
        Assert.Equal(0, schedule.View.Page);
    }

    [Fact]
    public void PageStaysUntilItsDwellIsOver()
    {
        var schedule = Watched(Sites(12), out var now);
        schedule.Tick(now + TimeSpan.FromSeconds(14.9));
        Assert.Equal(0, schedule.View.Page);
        schedule.Tick(now + TimeSpan.FromSeconds(15));
        Assert.Equal(1, schedule.View.Page);
    }

    [Fact]
    public void AlarmingSiteJumpsToTheFrontAtOnceAndLeadsEveryPageUntilAcknowledged()
    {
        var sites = Sites(30);
        var schedule = Watched(sites, out var now);
        var alarming = sites[^1];
        Assert.DoesNotContain(alarming, schedule.View.OnScreen);
        var alert = Guid.NewGuid();

        now += TimeSpan.FromSeconds(5);
        schedule.Alarmed(alarming, alert, now);
        Assert.Equal(alarming, schedule.View.OnScreen[0]);
        Assert.Equal([alarming], schedule.View.Alarming);
        Assert.Equal(now, schedule.View.ShownSince);

        now += TimeSpan.FromSeconds(15);
        schedule.Tick(now);
        Assert.Equal(1, schedule.View.Page);
        Assert.Equal(alarming, schedule.View.OnScreen[0]);

        schedule.Acknowledged(alarming, alert, now);
        Assert.Empty(schedule.View.Alarming);
        Assert.DoesNotContain(alarming, schedule.View.OnScreen);
    }

    [Fact]
    public void SiteWithTwoAlarmsLeadsUntilBothAreAcknowledged()
    {
        var sites = Sites(12);
        var schedule = Watched(sites, out var now);
        Guid first = Guid.NewGuid(), second = Guid.NewGuid();
        schedule.Alarmed(sites[11], first, now);
        schedule.Alarmed(sites[11], second, now);

        schedule.Acknowledged(sites[11], first, now);
        Assert.Equal([sites[11]], schedule.View.Alarming);
        schedule.Acknowledged(sites[11], second, now);
        Assert.Empty(schedule.View.Alarming);
    }

    [Fact]
    public void PausedWallStaysOnItsPageUntilResumedAndSkipMovesOnAtOnce()
    {
        var schedule = Watched(Sites(18), out var now);
        schedule.Pause(now);
        schedule.Tick(now + TimeSpan.FromMinutes(3));
        Assert.Equal(0, schedule.View.Page);
        Assert.True(schedule.View.Paused);
        Assert.Null(schedule.View.NextAt);

        schedule.Skip(now + TimeSpan.FromMinutes(3));
        Assert.Equal(1, schedule.View.Page);

        now += TimeSpan.FromMinutes(4);
        schedule.Resume(now);
        Assert.Equal(now + TimeSpan.FromSeconds(15), schedule.View.NextAt);
        schedule.Tick(now + TimeSpan.FromSeconds(15));
        Assert.Equal(2, schedule.View.Page);
    }

    [Fact]
    public void PinnedSiteIsOnEveryPageUntilUnpinned()
    {
        var sites = Sites(18);
        var schedule = Watched(sites, out var now);
        schedule.Pin(sites[17], now);
        for (var i = 0; i < 3; i++)
        {
            Assert.Contains(sites[17], schedule.View.OnScreen);
            now += TimeSpan.FromSeconds(15);
            schedule.Tick(now);
        }

        schedule.Unpin(sites[17], now);
        Assert.DoesNotContain(sites[17], schedule.View.OnScreen);
    }

    [Fact]
    public void ConfiguredOrderComesFirst()
    {
        var sites = Sites(12);
        var schedule = new RotationSchedule(FifteenSecondsSixPerPage with { Order = [sites[11], sites[10]] }, Start);
        schedule.SetSites(sites, Start);
        Assert.Equal([sites[11], sites[10], sites[0], sites[1], sites[2], sites[3]], schedule.View.OnScreen);
    }

    [Fact]
    public void EveryChangeOfViewHasAHigherSequence()
    {
        var sites = Sites(12);
        var schedule = Watched(sites, out var now);
        var before = schedule.View.Sequence;
        schedule.Alarmed(sites[7], Guid.NewGuid(), now);
        Assert.True(schedule.View.Sequence > before);
    }

    internal static List<string> Sites(int count) => [.. Enumerable.Range(1, count).Select(i => WallSite.FacilityKey($"f{i:D3}"))];

    private static RotationSchedule Watched(IReadOnlyList<string> sites, out DateTimeOffset now)
    {
        now = Start;
        var schedule = new RotationSchedule(FifteenSecondsSixPerPage, now);
        schedule.SetSites(sites, now);
        schedule.ViewerJoined("screen-1", "王值班", now);
        return schedule;
    }
}
