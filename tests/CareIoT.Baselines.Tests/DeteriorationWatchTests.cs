using CareIoT.Baselines.Synthetic;
using CareIoT.Contracts;

namespace CareIoT.Baselines.Tests;

public sealed class DeteriorationWatchTests
{
    private static readonly DateTimeOffset Now = new(2026, 4, 1, 8, 0, 0, TimeSpan.FromHours(8));
    private static readonly NightClock Clock = NightClock.Of(Nights.Shanghai);

    /// <summary>Runs the watch over nights 14… of the series with the baseline of the 14 nights before each; returns each night's notice.</summary>
    private static List<DeteriorationNotice?> Watch(MinuteSample[] samples, int nights)
    {
        var state = DeteriorationState.None;
        var notices = new List<DeteriorationNotice?>();
        for (var n = 14; n < nights; n++)
        {
            var night = Nights.First.AddDays(n);
            var baseline = BaselineCalculator.Compute(samples, Nights.Shanghai, Nights.Long_ago, night.AddDays(-1), Now).Baseline;
            var (from, to) = Clock.Bounds(night);
            var summary = NightSummaryBuilder.Build("bed-1", night, samples.Where(s => s.At >= from && s.At < to).ToArray(), Nights.Shanghai, baseline, Clock);
            (state, var notice) = DeteriorationWatch.Observe(state, summary, baseline, Nights.Shanghai);
            notices.Add(notice);
        }

        return notices;
    }

    [Fact]
    public void ASlowThreeNightRiseGivesExactlyOneNotice()
    {
        // Usual 62; from night 20 resting HR 70 (13 % above) for 5 nights.
        var samples = Nights.Make(26, (n, _, s) => n >= 20 && n < 25 ? s with { HeartRate = 70 } : s);

        var notices = Watch(samples, 26);

        var notice = Assert.Single(notices, n => n is not null)!;
        Assert.Equal(Nights.First.AddDays(22), notice.Night); // the third night above usual
        Assert.Equal(Nights.First.AddDays(20), notice.Since);
        Assert.Equal(3, notice.Nights);
        Assert.Contains(notice.Reasons, r => r.Contains("resting heart rate 70", StringComparison.Ordinal));
    }

    [Fact]
    public void TwoNightsAboveUsualAreNoEpisodeAndAClearNightEndsOneSoTheNextGetsItsOwnNotice()
    {
        // Two nights up (no notice), then normal; later four up (one notice), normal for a week, three up again (a
        // second notice). The baseline rolls: a change that lasts half of its 14 nights becomes the new usual.
        var up = new HashSet<int> { 15, 16, 19, 20, 21, 22, 30, 31, 32 };
        var samples = Nights.Make(34, (n, _, s) => up.Contains(n) ? s with { Respiration = 18 } : s);

        var notices = Watch(samples, 34).Where(n => n is not null).ToList();

        Assert.Equal([Nights.First.AddDays(21), Nights.First.AddDays(32)], notices.Select(n => n!.Night));
    }

    [Fact]
    public void TheSyntheticDeterioratingResidentIsNoticedOnceInAMonth()
    {
        var samples = SyntheticResident.Deteriorating.Nights(Nights.First, 30, Nights.Shanghai).ToArray();

        var notices = Watch(samples, 30).Where(n => n is not null).ToList();

        var notice = Assert.Single(notices);
        Assert.InRange(notice!.Night, Nights.First.AddDays(20), Nights.First.AddDays(29));
    }

    [Fact]
    public void ASteadyResidentIsNeverNoticed()
    {
        var samples = SyntheticResident.Typical.Nights(Nights.First, 30, Nights.Shanghai).ToArray();

        Assert.All(Watch(samples, 30), n => Assert.Null(n));
    }

    [Fact]
    public void ThreeNightsWithManyMoreBedExitsThanUsualGiveOneNoticeThatSaysSo()
    {
        // Usually no exit (spread floored at 1: more than 0 + 3 × 1 is unusual); nights 16–18 out for a minute every hour: 8 exits.
        var samples = Nights.Make(20, (n, m, s) => n is >= 16 and <= 18 && m % 60 == 30 ? s with { Present = false, HeartRate = null, Respiration = null } : s);

        var notice = Assert.Single(Watch(samples, 20), n => n is not null)!;

        Assert.Equal((Nights.First.AddDays(16), Nights.First.AddDays(18)), (notice.Since, notice.Night));
        Assert.Equal(["8 bed exits, usual 0"], notice.Reasons);
    }

    [Fact]
    public void ThreeRestlessNightsGiveOneNotice()
    {
        // Usually still (movement minutes 0, spread floored at 5: more than 15 is unusual); nights 16–18 move for two hours.
        var samples = Nights.Make(20, (n, m, s) => n is >= 16 and <= 18 && m < 120 ? s with { Movement = 20 } : s);

        var notice = Assert.Single(Watch(samples, 20), n => n is not null)!;

        Assert.Equal(Nights.First.AddDays(18), notice.Night);
        Assert.Contains(notice.Reasons, r => r.StartsWith("restless: 120 minutes", StringComparison.Ordinal));
    }

    [Fact]
    public void ANightSeenTwiceCountsOnceAndTheStateSurvivesBeingStored()
    {
        var baseline = BaselineCalculator.Compute(Nights.Make(14, (_, _, s) => s), Nights.Shanghai, Nights.Long_ago, Nights.Last(14), Now).Baseline!;
        var high = Nights.Make(3, (_, _, s) => s with { HeartRate = 70 }, first: Nights.First.AddDays(14));
        var state = DeteriorationState.None;
        var notices = new List<DeteriorationNotice>();
        for (var n = 0; n < 3; n++)
        {
            var night = Nights.First.AddDays(14 + n);
            var (from, to) = Clock.Bounds(night);
            var summary = NightSummaryBuilder.Build("bed-1", night, high.Where(s => s.At >= from && s.At < to).ToArray(), Nights.Shanghai, baseline, Clock);
            for (var again = 0; again < 2; again++)
            {
                (state, var notice) = DeteriorationWatch.Observe(state, summary, baseline, Nights.Shanghai);
                state = new DeteriorationState(state.Nights, state.InEpisode, state.Since, state.LastNight); // as the grain reads it back
                if (notice is not null)
                {
                    notices.Add(notice);
                }
            }
        }

        Assert.Single(notices);
        Assert.Equal(new DeteriorationState(3, true, Nights.First.AddDays(14), Nights.First.AddDays(16)), state);
    }

    [Fact]
    public void WhileWarmingUpNothingIsWatched()
    {
        var summary = NightSummaryBuilder.Build("bed-1", Nights.First, Nights.Make(1, (_, _, s) => s with { HeartRate = 110 }), Nights.Shanghai, null, Clock);

        Assert.Equal((DeteriorationState.None, null), DeteriorationWatch.Observe(DeteriorationState.None, summary, null, Nights.Shanghai));
    }
}
