using CareIoT.Contracts;
using CareIoT.Grains.Monitoring;

namespace CareIoT.Grains.Tests.Monitoring;

public sealed class BedMonitorTests
{
    // 2026-11-23 in Beijing (UTC+8): the night window is 22:00–06:00 local.
    private static DateTimeOffset Local(int day, int hour, int minute, int second = 0) =>
        new(2026, 11, day, hour, minute, second, TimeSpan.FromHours(8));

    private static readonly BedThresholds Defaults = new();

    private static AlertCause[] Causes(IEnumerable<AlertFinding> findings) => [.. findings.Select(f => f.Cause)];

    [Fact]
    public void OutOfBedForExactlyThirtyNightMinutesIsNotYetAnAlertButOneSecondMoreIs()
    {
        var bed = new BedMonitor(Defaults);
        bed.OnVitals(Local(23, 23, 0), present: true, 60, 14, 3);
        bed.OnPresence(Local(23, 23, 10), present: false);

        Assert.Empty(bed.Tick(Local(23, 23, 40)));
        Assert.Equal([AlertCause.OutOfBedTooLong], Causes(bed.Tick(Local(23, 23, 40, 1))));
        Assert.Empty(bed.Tick(Local(23, 23, 50)));
    }

    [Fact]
    public void ExitBeforeTheNightWindowCountsOnlyFromTheWindowStart()
    {
        var bed = new BedMonitor(Defaults);
        bed.OnPresence(Local(23, 21, 50), present: false);

        Assert.Empty(bed.Tick(Local(23, 22, 20, 1)));
        Assert.Equal([AlertCause.OutOfBedTooLong], Causes(bed.Tick(Local(23, 22, 30, 1))));
    }

    [Fact]
    public void ExitShortlyBeforeTheWindowEndsNeverReachesTheLimit()
    {
        var bed = new BedMonitor(Defaults);
        bed.OnPresence(Local(24, 5, 50), present: false);

        Assert.Empty(bed.Tick(Local(24, 6, 20, 1)));
        Assert.Empty(bed.Tick(Local(24, 12, 0)));
    }

    [Fact]
    public void BackInBedEndsTheEpisodeAndTheNextExitIsANewOne()
    {
        var bed = new BedMonitor(Defaults);
        bed.OnPresence(Local(23, 23, 0), present: false);
        Assert.Single(bed.Tick(Local(23, 23, 31)));
        bed.OnPresence(Local(23, 23, 35), present: true);

        bed.OnPresence(Local(24, 1, 0), present: false);

        Assert.Equal([AlertCause.OutOfBedTooLong], Causes(bed.Tick(Local(24, 1, 31))));
    }

    [Fact]
    public void HeartRateOutsideItsLimitsForLessThanTheHoldIsNothingAndForTheHoldIsOneAlert()
    {
        var bed = new BedMonitor(Defaults);
        var start = Local(23, 14, 0);

        Assert.Empty(bed.OnVitals(start, true, 130, 14, 3));
        Assert.Empty(bed.OnVitals(start.AddSeconds(119), true, 131, 14, 3));
        Assert.Equal([AlertCause.VitalsOutOfRange], Causes(bed.OnVitals(start.AddSeconds(120), true, 132, 14, 3)));
        Assert.Empty(bed.OnVitals(start.AddSeconds(150), true, 133, 14, 3));
    }

    [Fact]
    public void VitalsBackInRangeThenOutAgainIsASecondAlert()
    {
        var bed = new BedMonitor(Defaults);
        var start = Local(23, 14, 0);
        bed.OnVitals(start, true, 30, 14, 3);
        Assert.Single(bed.OnVitals(start.AddMinutes(2), true, 30, 14, 3));
        bed.OnVitals(start.AddMinutes(3), true, 60, 14, 3);

        bed.OnVitals(start.AddMinutes(4), true, 30, 14, 3);

        Assert.Single(bed.OnVitals(start.AddMinutes(6), true, 30, 14, 3));
    }

    [Fact]
    public void ReadingsWhileNobodyIsInBedDoNotCount()
    {
        var bed = new BedMonitor(Defaults);
        var start = Local(23, 14, 0);

        bed.OnVitals(start, false, 0, 0, 0);

        Assert.DoesNotContain(bed.OnVitals(start.AddMinutes(5), false, 0, 0, 0), f => f.Cause == AlertCause.VitalsOutOfRange);
    }

    [Fact]
    public void ThreeBreathingPausesWithinTenMinutesAreAnApneaPatternButTwoAreNot()
    {
        var bed = new BedMonitor(Defaults with { RespirationLow = 0 });
        var t = Local(23, 2, 0);
        AlertFinding[] Pause(DateTimeOffset at) =>
        [
            .. bed.OnVitals(at, true, 60, 0, 1), .. bed.OnVitals(at.AddSeconds(10), true, 60, 0, 1), .. bed.OnVitals(at.AddSeconds(12), true, 60, 14, 1),
        ];

        Assert.Empty(Pause(t));
        Assert.Empty(Pause(t.AddMinutes(3)));
        Assert.Equal([AlertCause.ApneaPattern], Causes(Pause(t.AddMinutes(6))));
    }

    [Fact]
    public void BreathingPausesSpreadOverMoreThanTheWindowAreNoPattern()
    {
        var bed = new BedMonitor(Defaults with { RespirationLow = 0 });
        var t = Local(23, 2, 0);
        foreach (var minutes in new[] { 0, 6, 12 })
        {
            var at = t.AddMinutes(minutes);
            bed.OnVitals(at, true, 60, 0, 1);
            Assert.Empty(bed.OnVitals(at.AddSeconds(10), true, 60, 0, 1));
            bed.OnVitals(at.AddSeconds(12), true, 60, 14, 1);
        }
    }

    [Fact]
    public void BedriddenResidentWithoutMovementForFourHoursIsDueForTurningAndMovementResetsIt()
    {
        var bed = new BedMonitor(Defaults with { Bedridden = true });
        var t = Local(23, 8, 0);
        bed.OnVitals(t, true, 60, 14, 20);

        Assert.Empty(bed.OnVitals(t.AddHours(4).AddSeconds(-1), true, 60, 14, 1));
        Assert.Equal([AlertCause.TurningDue], Causes(bed.Tick(t.AddHours(4))));
        bed.OnVitals(t.AddHours(5), true, 60, 14, 30);
        Assert.Empty(bed.Tick(t.AddHours(8)));
        Assert.Equal([AlertCause.TurningDue], Causes(bed.Tick(t.AddHours(9))));
    }

    [Fact]
    public void ResidentWhoIsNotBedriddenIsNeverDueForTurning()
    {
        var bed = new BedMonitor(Defaults);
        var t = Local(23, 8, 0);
        bed.OnVitals(t, true, 60, 14, 20);

        Assert.Empty(bed.Tick(t.AddHours(10)));
    }

    [Fact]
    public void BedriddenResidentOutOfBedBeyondTheGraceIsPresenceLostAtAnyHour()
    {
        var bed = new BedMonitor(Defaults with { Bedridden = true });
        var t = Local(23, 15, 0);
        bed.OnVitals(t, true, 60, 14, 3);
        bed.OnPresence(t.AddMinutes(1), present: false);

        Assert.Empty(bed.Tick(t.AddMinutes(3)));
        Assert.Equal([AlertCause.PresenceLostBedridden], Causes(bed.Tick(t.AddMinutes(3).AddSeconds(1))));
    }

    [Fact]
    public void ThresholdsWithLowAboveHighOrAnUnknownZoneAreRefused()
    {
        Assert.Empty(Defaults.Problems());
        Assert.NotEmpty((Defaults with { HeartRateLow = 130 }).Problems());
        Assert.NotEmpty((Defaults with { TimeZone = "Mars/Olympus" }).Problems());
        Assert.NotEmpty((Defaults with { VitalsHold = TimeSpan.Zero }).Problems());
    }
}
