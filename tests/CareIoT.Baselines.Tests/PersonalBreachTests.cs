using CareIoT.Baselines.Synthetic;
using CareIoT.Contracts;

namespace CareIoT.Baselines.Tests;

/// <summary>Whole synthetic nights held against the limits in force: minutes out of range in the night summary.</summary>
public sealed class PersonalBreachTests
{
    private static readonly DateTimeOffset Now = new(2026, 4, 1, 8, 0, 0, TimeSpan.FromHours(8));
    private static readonly NightClock Clock = NightClock.Of(Nights.Shanghai);
    private static readonly DateOnly Fifteenth = Nights.First.AddDays(14);

    /// <summary>The resident's baseline from 14 nights and their 15th night (shaped by <paramref name="shape"/>).</summary>
    private static (ResidentBaseline Baseline, MinuteSample[] Night) LearnThenNight(SyntheticResident resident, Func<int, MinuteSample, MinuteSample> shape)
    {
        var samples = resident.Nights(Nights.First, 15, Nights.Shanghai).ToArray();
        var baseline = BaselineCalculator.Compute(samples, Nights.Shanghai, Nights.Long_ago, Nights.Last(14), Now).Baseline!;
        var (from, to) = Clock.Bounds(Fifteenth);
        return (baseline, samples.Where(s => s.At >= from && s.At < to).Select((s, m) => shape(m, s)).ToArray());
    }

    [Fact]
    public void AnAthleteAt75ForHalfAnHourBreachesHerOwnLimitsWhileTheFixedLimitsSeeNothing()
    {
        // 02:00–02:30 (minutes 240–269 of the night) at 75/min, in bed and still.
        var (baseline, night) = LearnThenNight(SyntheticResident.Athlete, (m, s) => m is >= 240 and < 270 ? s with { Present = true, HeartRate = 75, Respiration = 12, Movement = 0 } : s);

        var personal = NightSummaryBuilder.Build("bed-1", Fifteenth, night, Nights.Shanghai, baseline, Clock);
        var fixedOnly = NightSummaryBuilder.Build("bed-1", Fifteenth, night, Nights.Shanghai, null, Clock);

        Assert.Equal(30, personal.OutOfRangeMinutes);
        Assert.Equal(0, fixedOnly.OutOfRangeMinutes);
    }

    [Theory]
    [InlineData("athlete")]
    [InlineData("typical")]
    [InlineData("heart patient")]
    public void AnOrdinaryNightAtTheResidentsOwnNormalHasNoMinuteOutOfRange(string name)
    {
        var resident = new[] { SyntheticResident.Athlete, SyntheticResident.Typical, SyntheticResident.HeartPatient }.Single(r => r.Name == name);
        var (baseline, night) = LearnThenNight(resident, (_, s) => s);

        var summary = NightSummaryBuilder.Build("bed-1", Fifteenth, night, Nights.Shanghai, baseline, Clock);

        Assert.Equal(0, summary.OutOfRangeMinutes);
    }

    [Fact]
    public void AHeartPatientAt95AllNightIsNoBreachButTheSameRateIsOneForTheAthlete()
    {
        static MinuteSample At95(int m, MinuteSample s) => s.Present ? s with { HeartRate = 95 } : s;
        var (patient, patientNight) = LearnThenNight(SyntheticResident.HeartPatient, At95);
        var (athlete, athleteNight) = LearnThenNight(SyntheticResident.Athlete, At95);

        var forPatient = NightSummaryBuilder.Build("bed-1", Fifteenth, patientNight, Nights.Shanghai, patient, Clock);
        var forAthlete = NightSummaryBuilder.Build("bed-2", Fifteenth, athleteNight, Nights.Shanghai, athlete, Clock);

        Assert.Equal(0, forPatient.OutOfRangeMinutes);
        Assert.Equal((int)forAthlete.InBed.TotalMinutes, forAthlete.OutOfRangeMinutes);
    }

    [Fact]
    public void TheLimitInForceReadsAsTheReadingAndTheRangeItWasHeldAgainst()
    {
        Assert.Equal("HR 104/min, usual 62–78", PersonalLimits.Describe("HR", 104, 62, 78, personal: true));
        Assert.Equal("HR 130/min, limits 40–120", PersonalLimits.Describe("HR", 130, 40, 120, personal: false));
    }
}
