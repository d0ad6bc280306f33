using CareIoT.Baselines.Synthetic;
using CareIoT.Contracts;

namespace CareIoT.Baselines.Tests;

public sealed class BaselineCalculatorTests
{
    private static readonly DateTimeOffset Now = new(2026, 4, 1, 8, 0, 0, TimeSpan.FromHours(8));

    [Fact]
    public void ASmallCaseGivesTheMedianAndSpreadComputedByHand()
    {
        // Heart rate 60, 62, 64 in turn: median 62, deviations 2, 0, 2 → MAD 2 → spread 1.4826 × 2 = 2.97.
        // Respiration always 15: MAD 0 → the floor of 1. Every minute of 14 nights of 480 minutes rests.
        var samples = Nights.Make(14, (_, m, s) => s with { HeartRate = 60 + 2 * (m % 3) });

        var result = BaselineCalculator.Compute(samples, Nights.Shanghai, Nights.Long_ago, Nights.Last(14), Now);

        var baseline = Assert.IsType<ResidentBaseline>(result.Baseline);
        Assert.Equal(new VitalNorm(62, 2.97), baseline.HeartRate);
        Assert.Equal(new VitalNorm(15, 1), baseline.Respiration);
        Assert.Equal(14, baseline.Nights);
        Assert.Equal(14 * 480, baseline.Minutes);
        Assert.Equal((Nights.First, Nights.Last(14)), (baseline.FromNight, baseline.ToNight));
        Assert.Equal(8, baseline.ByHour.Count); // 22:00 … 05:00
        Assert.All(baseline.ByHour, h => Assert.Equal(14 * 60, h.Minutes));
        // k = 3: 62 ± 8.91 → 53–71 (floor and ceiling); 15 ± 3 → 12–18.
        Assert.Equal(new VitalLimits(53, 71, 12, 18, Personal: true), PersonalLimits.For(baseline, Nights.Shanghai, 23));
    }

    [Fact]
    public void ThirteenNightsAreStillWarmingUpAndTheFourteenthGivesTheBaseline()
    {
        var samples = Nights.Make(14, (_, _, s) => s);

        var thirteen = BaselineCalculator.Compute(samples, Nights.Shanghai, Nights.Long_ago, Nights.Last(13), Now);
        var fourteen = BaselineCalculator.Compute(samples, Nights.Shanghai, Nights.Long_ago, Nights.Last(14), Now);

        Assert.Null(thirteen.Baseline);
        Assert.Equal(13, thirteen.Nights);
        Assert.NotNull(fourteen.Baseline);
        Assert.Equal(new VitalLimits(40, 120, 8, 30, Personal: false), PersonalLimits.For(thirteen.Baseline, Nights.Shanghai, 23));
    }

    [Fact]
    public void ANightWithFewerThanTwoRestingHoursDoesNotCount()
    {
        // Night 3 is restless all night (movement 20 every minute): no resting minute.
        var samples = Nights.Make(15, (n, _, s) => n == 3 ? s with { Movement = 20 } : s);

        var result = BaselineCalculator.Compute(samples, Nights.Shanghai, Nights.Long_ago, Nights.Last(15), Now);

        Assert.Equal(14, result.Nights);
        Assert.Equal(Nights.First, result.Baseline!.FromNight); // reached back past the restless night
    }

    [Fact]
    public void ANewResidentStartsWarmingUpAgain()
    {
        var samples = Nights.Make(20, (_, _, s) => s);
        var moved = NightClock.Of(Nights.Shanghai).Bounds(Nights.First.AddDays(15)).From.AddHours(-2); // took the bed before night 16

        var before = BaselineCalculator.Compute(samples, Nights.Shanghai, Nights.Long_ago, Nights.Last(20), Now);
        var after = BaselineCalculator.Compute(samples, Nights.Shanghai, moved, Nights.Last(20), Now);

        Assert.NotNull(before.Baseline);
        Assert.Null(after.Baseline);
        Assert.Equal(5, after.Nights);
    }

    [Fact]
    public void SyntheticResidentsGetTheirOwnNormals()
    {
        foreach (var resident in new[] { SyntheticResident.Athlete, SyntheticResident.Typical, SyntheticResident.HeartPatient })
        {
            var samples = resident.Nights(Nights.First, 14, Nights.Shanghai).ToArray();
            var baseline = BaselineCalculator.Compute(samples, Nights.Shanghai, Nights.Long_ago, Nights.Last(14), Now).Baseline!;
            Assert.InRange(baseline.HeartRate.Median, resident.HeartRate - 1, resident.HeartRate + 1);
            Assert.InRange(baseline.Respiration.Median, resident.Respiration - 1, resident.Respiration + 1);
            Assert.InRange(baseline.BedExits.Median, 0.5, 1.5);
        }
    }

    [Fact]
    public void ANewResidentsBaselineRestsOnlyOnTheirOwnNights()
    {
        // The first resident rests at 62 for 10 nights; the new one (from night 10) at 80 for 14 nights.
        var samples = Nights.Make(24, (n, _, s) => n >= 10 ? s with { HeartRate = 80 } : s);
        var moved = NightClock.Of(Nights.Shanghai).Bounds(Nights.First.AddDays(10)).From.AddHours(-3);

        var baseline = BaselineCalculator.Compute(samples, Nights.Shanghai, moved, Nights.Last(24), Now).Baseline!;

        Assert.Equal(Nights.First.AddDays(10), baseline.FromNight);
        Assert.Equal(80, baseline.HeartRate.Median);
    }

    [Fact]
    public void TheBaselineRollsWithTheLastFourteenNights()
    {
        // 30 nights: 62 for the first 16, 66 after. On night 29 the last 14 are all 66.
        var samples = Nights.Make(30, (n, _, s) => n >= 16 ? s with { HeartRate = 66 } : s);

        var baseline = BaselineCalculator.Compute(samples, Nights.Shanghai, Nights.Long_ago, Nights.Last(30), Now).Baseline!;

        Assert.Equal((Nights.First.AddDays(16), Nights.Last(30), 14), (baseline.FromNight, baseline.ToNight, baseline.Nights));
        Assert.Equal(66, baseline.HeartRate.Median);
    }

    [Fact]
    public void AnHourlyBucketIsComputedByHandToo()
    {
        // Hour 23 of every night: 70, 72, 74, 76 in turn (median 73, deviations 3, 1, 1, 3 → MAD 2 → 2.97); other hours 62.
        // Whole night: 7 of 8 hours at 62, so median 62; deviations 0 for 7/8, 8–14 for 1/8 → MAD 0 → the floor 2.
        var samples = Nights.Make(14, (_, m, s) => m is >= 60 and < 120 ? s with { HeartRate = 70 + 2 * (m % 4) } : s);

        var baseline = BaselineCalculator.Compute(samples, Nights.Shanghai, Nights.Long_ago, Nights.Last(14), Now).Baseline!;

        Assert.Equal(new VitalNorm(73, 2.97), baseline.ByHour.Single(h => h.Hour == 23).HeartRate);
        Assert.Equal(new VitalNorm(62, 2), baseline.ByHour.Single(h => h.Hour == 0).HeartRate);
        Assert.Equal(new VitalNorm(62, 2), baseline.HeartRate);
        Assert.Equal(new VitalLimits(64, 82, 12, 18, Personal: true), PersonalLimits.For(baseline, Nights.Shanghai, 23)); // 73 ± 8.91
    }
}
