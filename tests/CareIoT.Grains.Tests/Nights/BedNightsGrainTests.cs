using CareIoT.Baselines;
using CareIoT.Baselines.Synthetic;
using CareIoT.Contracts;

namespace CareIoT.Grains.Tests.Nights;

/// <summary>A bed grain learns its resident's nights (fake time, series in memory): baseline, personal limits, deterioration, a new resident.</summary>
[Collection(ClusterCollection.Name)]
public sealed class BedNightsGrainTests(ClusterFixture cluster)
{
    private static readonly BedThresholds Defaults = new();
    private static readonly NightClock Clock = NightClock.Of(Defaults);

    [Fact]
    public async Task FourteenNightsGiveTheAthleteHerOwnLimitsAndAnHourAt75IsAnAlarmTheFixedLimitsMiss()
    {
        var mattress = cluster.Install(DeviceKind.Mattress, SiteKind.Bed);
        var bed = cluster.Client.GetGrain<IBedGrain>(mattress.Site.Id);
        var last = Clock.LastEnded(cluster.Time.GetUtcNow());
        cluster.BedMinutes.Add(mattress.Site.Id, SyntheticResident.Athlete.Nights(last.AddDays(-13), 14, Defaults));

        Assert.Equal(14, await bed.LearnNights(cluster.Time.GetUtcNow()));
        var care = await bed.GetCare();

        Assert.Equal(14, care.Nights);
        Assert.InRange(care.Baseline!.HeartRate.Median, 47, 49);
        Assert.Equal(14, (await cluster.NightLog.SummariesAsync(mattress.Site.Id, last.AddDays(-13), last, default)).Count);
        Assert.Equal(0, await bed.LearnNights(cluster.Time.GetUtcNow())); // nothing new: learned once

        // Into the next night: 75/min held for three minutes is far above her usual, well inside 40–120.
        var (nightStart, _) = Clock.Bounds(Clock.LastEnded(cluster.Time.GetUtcNow()).AddDays(1));
        cluster.Time.Advance(nightStart.AddHours(2) - cluster.Time.GetUtcNow());
        Assert.True((await bed.GetCare()).LimitsNow.Personal);
        var device = cluster.Device(mattress.DeviceId);
        foreach (var _ in Enumerable.Range(0, 4))
        {
            await device.Receive(cluster.Message(mattress.DeviceId, DeviceMessageType.Vitals, Guid.NewGuid().ToString("N")) with
            {
                Readings = new DeviceReadings { Presence = true, HeartRate = 75, RespirationRate = 12, Movement = 0 },
            });
            cluster.Time.Advance(TimeSpan.FromMinutes(1));
        }

        var alert = Assert.Single(cluster.Journal.AlertsAt(mattress.Site));
        Assert.Equal(AlertCause.VitalsOutOfRange, alert.Cause);
        Assert.Contains("usual", alert.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ThreeNightsWellAboveUsualRaiseOneDeteriorationNoticeForTheNurse()
    {
        var mattress = cluster.Install(DeviceKind.Mattress, SiteKind.Bed);
        var bed = cluster.Client.GetGrain<IBedGrain>(mattress.Site.Id);
        var last = Clock.LastEnded(cluster.Time.GetUtcNow());
        var rising = new SyntheticResident("rising", 60, 15, 11, HeartRateRisePerNight: 8, RiseFromNight: 14);
        cluster.BedMinutes.Add(mattress.Site.Id, rising.Nights(last.AddDays(-16), 17, Defaults));

        Assert.Equal(17, await bed.LearnNights(cluster.Time.GetUtcNow()));

        var notice = Assert.Single(cluster.Journal.AlertsAt(mattress.Site));
        Assert.Equal((AlertCause.Deterioration, AlertPriority.Normal), (notice.Cause, notice.Priority));
        Assert.True((await bed.GetCare()).InDeteriorationEpisode);
    }

    [Fact]
    public async Task ANewResidentStartsWarmingUpAgain()
    {
        var mattress = cluster.Install(DeviceKind.Mattress, SiteKind.Bed);
        var bed = cluster.Client.GetGrain<IBedGrain>(mattress.Site.Id);
        var last = Clock.LastEnded(cluster.Time.GetUtcNow());
        cluster.BedMinutes.Add(mattress.Site.Id, SyntheticResident.Typical.Nights(last.AddDays(-13), 14, Defaults));
        await bed.LearnNights(cluster.Time.GetUtcNow());
        Assert.NotNull((await bed.GetCare()).Baseline);

        await bed.AssignResident(cluster.Time.GetUtcNow());

        var care = await bed.GetCare();
        Assert.Null(care.Baseline);
        Assert.Equal(0, care.Nights);
        Assert.False(care.LimitsNow.Personal);
        Assert.Equal(cluster.Time.GetUtcNow(), care.OccupiedSince);
    }
}
