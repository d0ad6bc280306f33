using CareIoT.Contracts;

namespace CareIoT.Baselines;

/// <summary>
/// A resident's baseline from their minute series: the last <see cref="NightsNeeded"/> nights with enough resting
/// minutes (within the last <see cref="NightsLookedAt"/> nights, only since the resident took the bed), robust
/// statistics of resting heart rate and respiration over the whole night and by hour, and of nightly bed exits and
/// movement. Fewer nights: no baseline yet (warming up), and the count so far.
/// </summary>
public static class BaselineCalculator
{
    public const int NightsNeeded = 14;
    public const int NightsLookedAt = 28;

    /// <summary>A night counts when it holds at least this many resting minutes (two hours).</summary>
    public const int RestingMinutesForANight = 120;

    /// <summary>Spreads are never narrower than these: a flat series must not give limits of zero width.</summary>
    public const double HeartRateFloor = 2, RespirationFloor = 1, BedExitsFloor = 1, MovementFloor = 5;

    /// <param name="samples">Minutes of the bed in time order, covering at least the nights looked at.</param>
    /// <param name="thresholds">The bed's settings: night window, time zone, movement threshold.</param>
    /// <param name="occupiedSince">When the current resident took the bed: nothing before counts.</param>
    /// <param name="lastNight">The newest night to use (usually the night that ended this morning).</param>
    /// <param name="computedAt">Recorded in the baseline.</param>
    public static BaselineResult Compute(ReadOnlySpan<MinuteSample> samples, BedThresholds thresholds, DateTimeOffset occupiedSince,
        DateOnly lastNight, DateTimeOffset computedAt)
    {
        var clock = NightClock.Of(thresholds);
        var firstNight = lastNight.AddDays(1 - NightsLookedAt);
        var nights = new SortedDictionary<DateOnly, (int Start, int End, int Resting)>();
        for (var i = 0; i < samples.Length; i++)
        {
            if (samples[i].At < occupiedSince || clock.Place(samples[i].At) is not { } place || place.Night < firstNight || place.Night > lastNight)
            {
                continue;
            }

            var resting = RestingMinute.Is(samples[i], thresholds.MovementThreshold) ? 1 : 0;
            nights[place.Night] = nights.TryGetValue(place.Night, out var n) ? (n.Start, i + 1, n.Resting + resting) : (i, i + 1, resting);
        }

        var counted = nights.Where(n => n.Value.Resting >= RestingMinutesForANight).TakeLast(NightsNeeded).ToList();
        if (counted.Count < NightsNeeded)
        {
            return new BaselineResult(null, counted.Count);
        }

        var byHour = new List<double>[24 * 2];
        for (var i = 0; i < byHour.Length; i++)
        {
            byHour[i] = [];
        }

        var exits = new double[counted.Count];
        var movement = new double[counted.Count];
        for (var n = 0; n < counted.Count; n++)
        {
            var (night, (start, end, _)) = (counted[n].Key, counted[n].Value);
            var minutes = samples[start..end];
            foreach (var s in minutes)
            {
                if (RestingMinute.Is(s, thresholds.MovementThreshold) && clock.Place(s.At) is { } place && place.Night == night)
                {
                    byHour[place.Hour * 2].Add(s.HeartRate!.Value);
                    byHour[place.Hour * 2 + 1].Add(s.Respiration!.Value);
                }
            }

            var summary = NightSummaryBuilder.Build("", night, minutes, thresholds, null, clock);
            exits[n] = summary.BedExits;
            movement[n] = summary.MovementMinutes;
        }

        var allHeart = byHour.Where((_, i) => i % 2 == 0).SelectMany(v => v).ToArray();
        var allBreath = byHour.Where((_, i) => i % 2 == 1).SelectMany(v => v).ToArray();
        var hours = Enumerable.Range(0, 24).Where(h => byHour[h * 2].Count > 0).Select(h => new HourNorm(h,
            Norm(byHour[h * 2].ToArray(), HeartRateFloor), Norm(byHour[h * 2 + 1].ToArray(), RespirationFloor), byHour[h * 2].Count)).ToList();
        var baseline = new ResidentBaseline(counted[0].Key, counted[^1].Key, counted.Count, allHeart.Length,
            Norm(allHeart, HeartRateFloor), Norm(allBreath, RespirationFloor), hours, Norm(exits, BedExitsFloor), Norm(movement, MovementFloor), computedAt);
        return new BaselineResult(baseline, counted.Count);
    }

    private static VitalNorm Norm(double[] values, double floor)
    {
        var (median, spread) = RobustStatistics.MedianAndSpread(values, floor);
        return new VitalNorm(Math.Round(median, 2), Math.Round(spread, 2));
    }
}

/// <summary>A baseline (null while warming up) and the nights with enough data so far.</summary>
public sealed record BaselineResult(ResidentBaseline? Baseline, int Nights);
