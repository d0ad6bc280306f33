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
}
