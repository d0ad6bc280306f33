using CareIoT.Baselines.Synthetic;
using CareIoT.Contracts;

namespace CareIoT.Baselines.Tests;

public sealed class PersonalLimitsTests
{
    private static readonly DateTimeOffset Now = new(2026, 4, 1, 8, 0, 0, TimeSpan.FromHours(8));

    private static ResidentBaseline Learn(SyntheticResident resident) =>
        BaselineCalculator.Compute(resident.Nights(Nights.First, 14, Nights.Shanghai).ToArray(), Nights.Shanghai, Nights.Long_ago, Nights.Last(14), Now).Baseline!;

    [Fact]
    public void AnAthleteAt75IsOutsideHerOwnLimitsWhichTheFixedLimitsMissAndAt48SheIsInside()
    {
        var limits = PersonalLimits.For(Learn(SyntheticResident.Athlete), Nights.Shanghai, 2);

        Assert.True(limits.Personal);
        Assert.True(75 > limits.HeartRateHigh, $"75 should be above her {limits.HeartRateLow}–{limits.HeartRateHigh}");
        Assert.InRange(75, Nights.Shanghai.HeartRateLow, Nights.Shanghai.HeartRateHigh); // the fixed limits see nothing wrong
        Assert.InRange(48, limits.HeartRateLow, limits.HeartRateHigh);
    }

    [Fact]
    public void AHeartPatientAt95IsWithinHisOwnLimits()
    {
        var limits = PersonalLimits.For(Learn(SyntheticResident.HeartPatient), Nights.Shanghai, 1);

        Assert.InRange(95, limits.HeartRateLow, limits.HeartRateHigh);
        Assert.True(limits.HeartRateLow > Nights.Shanghai.HeartRateLow);
    }

    [Theory]
    [InlineData(118, 15, 6, 29)]
    [InlineData(42, 15, 9, 3)]
    public void PersonalLimitsAreNeverWiderThanTheAbsoluteOnes(double heartRate, double heartSpread, double respiration, double respirationSpread)
    {
        var baseline = new ResidentBaseline(Nights.First, Nights.Last(14), 14, 6720, new VitalNorm(heartRate, heartSpread),
            new VitalNorm(respiration, respirationSpread), [], new VitalNorm(1, 1), new VitalNorm(20, 5), Now);

        var limits = PersonalLimits.For(baseline, Nights.Shanghai, null);

        Assert.InRange(limits.HeartRateLow, Nights.Shanghai.HeartRateLow, Nights.Shanghai.HeartRateHigh);
        Assert.InRange(limits.HeartRateHigh, Nights.Shanghai.HeartRateLow, Nights.Shanghai.HeartRateHigh);
        Assert.InRange(limits.RespirationLow, Nights.Shanghai.RespirationLow, Nights.Shanghai.RespirationHigh);
        Assert.InRange(limits.RespirationHigh, Nights.Shanghai.RespirationLow, Nights.Shanghai.RespirationHigh);
        Assert.True(limits.HeartRateLow < limits.HeartRateHigh && limits.RespirationLow < limits.RespirationHigh);
    }

    [Fact]
    public void KOfZeroTurnsPersonalLimitsOff()
    {
        var limits = PersonalLimits.For(Learn(SyntheticResident.Athlete), Nights.Shanghai with { PersonalLimitK = 0 }, 2);

        Assert.Equal(new VitalLimits(40, 120, 8, 30, Personal: false), limits);
    }

    [Fact]
    public void NoBaselineSettingsOrHourGiveLimitsWiderThanTheAbsoluteOnes()
    {
        // Ten thousand seeded cases, medians far outside the absolute limits and spreads of 0 to 100 included.
        var random = new Random(6);
        for (var i = 0; i < 10_000; i++)
        {
            var hrLow = random.Next(0, 80);
            var rrLow = random.Next(0, 15);
            var t = Nights.Shanghai with
            {
                HeartRateLow = hrLow, HeartRateHigh = hrLow + random.Next(1, 150),
                RespirationLow = rrLow, RespirationHigh = rrLow + random.Next(1, 40),
                PersonalLimitK = random.NextDouble() * 10,
            };
            var hour = new HourNorm(random.Next(24), new VitalNorm(random.Next(-20, 250), random.NextDouble() * 100),
                new VitalNorm(random.Next(-5, 60), random.NextDouble() * 30), random.Next(0, 900));
            var baseline = new ResidentBaseline(Nights.First, Nights.Last(14), 14, 6720, new VitalNorm(random.Next(-20, 250), random.NextDouble() * 100),
                new VitalNorm(random.Next(-5, 60), random.NextDouble() * 30), [hour], new VitalNorm(1, 1), new VitalNorm(20, 5), Now);

            var limits = PersonalLimits.For(baseline, t, random.Next(2) == 0 ? hour.Hour : null);

            Assert.True(limits.HeartRateLow >= t.HeartRateLow && limits.HeartRateHigh <= t.HeartRateHigh && limits.HeartRateLow < limits.HeartRateHigh,
                $"case {i}: HR {limits.HeartRateLow}–{limits.HeartRateHigh} against {t.HeartRateLow}–{t.HeartRateHigh}");
            Assert.True(limits.RespirationLow >= t.RespirationLow && limits.RespirationHigh <= t.RespirationHigh && limits.RespirationLow < limits.RespirationHigh,
                $"case {i}: RR {limits.RespirationLow}–{limits.RespirationHigh} against {t.RespirationLow}–{t.RespirationHigh}");
        }
    }

    [Fact]
    public void AnHourWithTooFewMinutesFallsBackToTheWholeNightsNorm()
    {
        // Whole night 60 ± 2 → 54–66; hour 3 says 80 ± 2 but rests on 29 minutes (30 needed); hour 4 on 30.
        var baseline = new ResidentBaseline(Nights.First, Nights.Last(14), 14, 6720, new VitalNorm(60, 2), new VitalNorm(15, 1),
            [new HourNorm(3, new VitalNorm(80, 2), new VitalNorm(15, 1), 29), new HourNorm(4, new VitalNorm(80, 2), new VitalNorm(15, 1), 30)],
            new VitalNorm(1, 1), new VitalNorm(20, 5), Now);

        Assert.Equal((54, 66), Heart(PersonalLimits.For(baseline, Nights.Shanghai, 3)));
        Assert.Equal((74, 86), Heart(PersonalLimits.For(baseline, Nights.Shanghai, 4)));
        Assert.Equal((54, 66), Heart(PersonalLimits.For(baseline, Nights.Shanghai, null)));

        static (int, int) Heart(VitalLimits l) => (l.HeartRateLow, l.HeartRateHigh);
    }
}
