using CareIoT.Contracts;

namespace CareIoT.Baselines.Synthetic;

/// <summary>
/// A made-up resident for tests, the benchmark and the demo fleet: nights in bed with a resting heart rate and
/// respiration of their own (with seeded noise), a bed exit or two, some movement; optionally rising by
/// <see cref="HeartRateRisePerNight"/> from night <see cref="RiseFromNight"/> on (slow deterioration).
/// </summary>
public sealed record SyntheticResident(string Name, double HeartRate, double Respiration, int Seed,
    double HeartRateRisePerNight = 0, int RiseFromNight = int.MaxValue, int ExitsPerNight = 1)
{
    public static readonly SyntheticResident Athlete = new("athlete", 48, 12, 1);
    public static readonly SyntheticResident Typical = new("typical", 64, 15, 2);
    public static readonly SyntheticResident HeartPatient = new("heart patient", 95, 18, 3);
    public static readonly SyntheticResident Deteriorating = new("deteriorating", 66, 15, 4, HeartRateRisePerNight: 2, RiseFromNight: 20);

    /// <summary>One sample a minute through the night window of each of <paramref name="nights"/> nights from <paramref name="firstNight"/>.</summary>
    public IEnumerable<MinuteSample> Nights(DateOnly firstNight, int nights, BedThresholds thresholds)
    {
        var clock = NightClock.Of(thresholds);
        var random = new Random(Seed);
        for (var n = 0; n < nights; n++)
        {
            var night = firstNight.AddDays(n);
            var (from, to) = clock.Bounds(night);
            var minutes = (int)(to - from).TotalMinutes;
            var rise = n >= RiseFromNight ? (n - RiseFromNight + 1) * HeartRateRisePerNight : 0;
            var exits = Enumerable.Range(0, ExitsPerNight).Select(_ => random.Next(60, Math.Max(61, minutes - 60))).ToHashSet();
            var outFor = 0;
            for (var m = 0; m < minutes; m++)
            {
                if (exits.Contains(m))
                {
                    outFor = 5 + random.Next(10);
                }

                var present = outFor-- <= 0;
                var moving = random.NextDouble() < 0.05;
                yield return new MinuteSample(from.AddMinutes(m), present,
                    present ? Math.Round(HeartRate + rise + Noise(random, 2), 1) : null,
                    present ? Math.Round(Respiration + Noise(random, 0.8), 1) : null,
                    present ? (moving ? 10 + random.Next(20) : random.Next(3)) : null);
            }
        }
    }

    private static double Noise(Random random, double sigma) => sigma * (random.NextDouble() + random.NextDouble() + random.NextDouble() - 1.5) * 2;
}
