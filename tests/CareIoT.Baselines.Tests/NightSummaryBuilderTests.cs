namespace CareIoT.Baselines.Tests;

public sealed class NightSummaryBuilderTests
{
    private static readonly NightClock Clock = NightClock.Of(Nights.Shanghai);

    [Fact]
    public void ExitsTheLongestExitAndTimeInBedAreCountedAcrossMidnight()
    {
        // 22:00–06:00: out 23:50–00:10 (20 min, across midnight) and 03:00–03:05 (5 min); moving 10 minutes.
        var samples = Nights.Make(1, (_, m, s) => m is >= 110 and < 130 or >= 300 and < 305
            ? s with { Present = false, HeartRate = null, Respiration = null }
            : m is >= 200 and < 210 ? s with { Movement = 12 } : s);

        var summary = NightSummaryBuilder.Build("bed-1", Nights.First, samples, Nights.Shanghai, null, Clock);

        Assert.Equal(2, summary.BedExits);
        Assert.Equal(TimeSpan.FromMinutes(20), summary.LongestExit);
        Assert.Equal(TimeSpan.FromMinutes(480 - 25), summary.InBed);
        Assert.Equal(10, summary.MovementMinutes);
        Assert.Equal(62, summary.RestingHeartRate);
        Assert.Equal(480, summary.MinutesMeasured);
        Assert.Null(summary.HeartRateAboveUsual); // no baseline yet
    }

    [Fact]
    public void MinutesOutsideTheLimitsInForceAreCounted()
    {
        var samples = Nights.Make(1, (_, m, s) => m < 7 ? s with { HeartRate = 130 } : m < 10 ? s with { Respiration = 5 } : s);

        var summary = NightSummaryBuilder.Build("bed-1", Nights.First, samples, Nights.Shanghai, null, Clock);

        Assert.Equal(10, summary.OutOfRangeMinutes);
    }

    [Fact]
    public void TheNightIsNamedByTheDateItStartsAndAMomentOutsideTheWindowIsInNoNight()
    {
        var zone = TimeSpan.FromHours(8);
        Assert.Equal((new DateOnly(2026, 3, 1), 23), Clock.Place(new DateTimeOffset(2026, 3, 1, 23, 30, 0, zone)));
        Assert.Equal((new DateOnly(2026, 3, 1), 5), Clock.Place(new DateTimeOffset(2026, 3, 2, 5, 59, 0, zone)));
        Assert.Null(Clock.Place(new DateTimeOffset(2026, 3, 2, 6, 0, 0, zone)));
        Assert.Null(Clock.Place(new DateTimeOffset(2026, 3, 2, 12, 0, 0, zone)));
    }

    [Fact]
    public void TheNightTheClocksGoForwardIsAnHourShorterInBerlin()
    {
        // Europe/Berlin: 29 March 2026 02:00 → 03:00. 22:00–06:00 that night is 7 hours.
        var berlin = Nights.Shanghai with { TimeZone = "Europe/Berlin" };
        var clock = NightClock.Of(berlin);
        var (from, to) = clock.Bounds(new DateOnly(2026, 3, 28));

        Assert.Equal(TimeSpan.FromHours(7), to - from);
        var samples = Nights.Make(1, (_, _, s) => s, berlin, new DateOnly(2026, 3, 28));
        Assert.Equal(420, samples.Length);
        Assert.All(samples, s => Assert.Equal(new DateOnly(2026, 3, 28), clock.Place(s.At)?.Night));
        Assert.Equal(TimeSpan.FromHours(7), NightSummaryBuilder.Build("bed-1", new DateOnly(2026, 3, 28), samples, berlin, null, clock).InBed);
    }

    [Fact]
    public void TimeBeforeTheResidentFirstGetsIntoBedIsNoExitAndNotTheLongestOne()
    {
        // Into bed only at 23:30 (minute 90); out 02:00–02:10; up for the day at 05:30 (the last 30 minutes).
        var samples = Nights.Make(1, (_, m, s) => m is < 90 or >= 240 and < 250 or >= 450
            ? s with { Present = false, HeartRate = null, Respiration = null, Movement = null }
            : s);

        var summary = NightSummaryBuilder.Build("bed-1", Nights.First, samples, Nights.Shanghai, null, Clock);

        Assert.Equal(2, summary.BedExits);
        Assert.Equal(TimeSpan.FromMinutes(30), summary.LongestExit);
        Assert.Equal(TimeSpan.FromMinutes(480 - 90 - 10 - 30), summary.InBed);
    }

    [Fact]
    public void ANightNeverSpentInBedHasNoExitsAndNoLongestExit()
    {
        var samples = Nights.Make(1, (_, _, s) => s with { Present = false, HeartRate = null, Respiration = null, Movement = null });

        var summary = NightSummaryBuilder.Build("bed-1", Nights.First, samples, Nights.Shanghai, null, Clock);

        Assert.Equal((0, TimeSpan.Zero, TimeSpan.Zero), (summary.BedExits, summary.LongestExit, summary.InBed));
        Assert.Null(summary.RestingHeartRate);
    }

    [Fact]
    public void TheNightTheClocksGoBackIsAnHourLongerInBerlinAndTheRepeatedHourIsCountedTwice()
    {
        // Europe/Berlin: 25 October 2026 03:00 CEST → 02:00 CET. 22:00–06:00 that night is 9 hours; hour 2 has 120 minutes.
        var berlin = Nights.Shanghai with { TimeZone = "Europe/Berlin" };
        var clock = NightClock.Of(berlin);
        var night = new DateOnly(2026, 10, 24);
        var (from, to) = clock.Bounds(night);
        var samples = Nights.Make(1, (_, m, s) => m is >= 200 and < 215 ? s with { Present = false, HeartRate = null, Respiration = null } : s, berlin, night);

        var summary = NightSummaryBuilder.Build("bed-1", night, samples, berlin, null, clock);

        Assert.Equal(TimeSpan.FromHours(9), to - from);
        Assert.Equal(540, samples.Length);
        Assert.Equal(120, samples.Count(s => clock.Place(s.At) is { Hour: 2 }));
        Assert.Equal((1, TimeSpan.FromMinutes(15), TimeSpan.FromMinutes(540 - 15)), (summary.BedExits, summary.LongestExit, summary.InBed));
    }

    [Fact]
    public void AWindowInsideOneDayIsPlacedOnThatDay()
    {
        // A day-sleeper's window 09:00–17:00 (no midnight): the night is named by its own date.
        var day = NightClock.Of(Nights.Shanghai with { NightStart = new(9, 0), NightEnd = new(17, 0) });
        var zone = TimeSpan.FromHours(8);

        Assert.Equal((new DateOnly(2026, 3, 2), 16), day.Place(new DateTimeOffset(2026, 3, 2, 16, 59, 0, zone)));
        Assert.Null(day.Place(new DateTimeOffset(2026, 3, 2, 17, 0, 0, zone)));
        Assert.Equal(new DateOnly(2026, 3, 1), day.LastEnded(new DateTimeOffset(2026, 3, 2, 16, 0, 0, zone)));
    }
}
