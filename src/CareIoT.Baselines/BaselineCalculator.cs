using CareIoT.Contracts;

namespace CareIoT.Baselines;

/// <summary>
/// A resident's baseline from their night profiles: the last <see cref="NightsNeeded"/> nights with enough resting
/// minutes (within the last <see cref="NightsLookedAt"/> nights, only nights that began after the resident took the
/// bed), robust statistics (median, 1.4826 × MAD) of resting heart rate and respiration over the whole night and by
/// hour, and of nightly bed exits and movement. Fewer nights: no baseline yet (warming up), and the count so far.
/// </summary>
public static class BaselineCalculator
{
    public const int NightsNeeded = 14;
    public const int NightsLookedAt = 28;

    /// <summary>A night counts when it holds at least this many resting minutes (two hours).</summary>
    public const int RestingMinutesForANight = 120;

    /// <summary>Spreads are never narrower than these: a flat series must not give limits of zero width.</summary>
    public const double HeartRateFloor = 2, RespirationFloor = 1, BedExitsFloor = 1, MovementFloor = 5;

    /// <param name="profiles">Night profiles of the bed, any order.</param>
    /// <param name="occupiedSince">When the current resident took the bed: nights that began before do not count.</param>
    /// <param name="lastNight">The newest night to use (usually the night that ended this morning).</param>
    /// <param name="computedAt">Recorded in the baseline.</param>
    public static BaselineResult FromProfiles(IEnumerable<NightProfile> profiles, DateTimeOffset occupiedSince, DateOnly lastNight, DateTimeOffset computedAt)
    {
        var firstNight = lastNight.AddDays(1 - NightsLookedAt);
        var counted = profiles
            .Where(p => p.Night >= firstNight && p.Night <= lastNight && p.Start >= occupiedSince && p.RestingMinutes >= RestingMinutesForANight)
            .OrderBy(p => p.Night).TakeLast(NightsNeeded).ToList();
        if (counted.Count < NightsNeeded)
        {
            return new BaselineResult(null, counted.Count);
        }

        var heart = new CountedValues();
        var breath = new CountedValues();
        var byHour = new SortedDictionary<int, (CountedValues Heart, CountedValues Breath)>();
        var exits = new CountedValues();
        var movement = new CountedValues();
        foreach (var night in counted)
        {
            foreach (var hour in night.Hours)
            {
                if (!byHour.TryGetValue(hour.Hour, out var values))
                {
                    byHour[hour.Hour] = values = (new CountedValues(), new CountedValues());
                }

                values.Heart.AddRange(hour.HeartRateFrom, hour.HeartRates);
                values.Breath.AddRange(hour.RespirationFrom, hour.Respirations);
                heart.AddRange(hour.HeartRateFrom, hour.HeartRates);
                breath.AddRange(hour.RespirationFrom, hour.Respirations);
            }

            exits.Add(night.BedExits);
            movement.Add(night.MovementMinutes);
        }

        var hours = byHour.Select(h => new HourNorm(h.Key, Norm(h.Value.Heart, HeartRateFloor), Norm(h.Value.Breath, RespirationFloor), (int)h.Value.Heart.Total)).ToList();
        var baseline = new ResidentBaseline(counted[0].Night, counted[^1].Night, counted.Count, (int)heart.Total,
            Norm(heart, HeartRateFloor), Norm(breath, RespirationFloor), hours, Norm(exits, BedExitsFloor), Norm(movement, MovementFloor), computedAt);
        return new BaselineResult(baseline, counted.Count);
    }

    /// <summary>The same from a bed's raw minute series (in time order): each night's profile first.</summary>
    public static BaselineResult Compute(ReadOnlySpan<MinuteSample> samples, BedThresholds thresholds, DateTimeOffset occupiedSince,
        DateOnly lastNight, DateTimeOffset computedAt)
    {
        var clock = NightClock.Of(thresholds);
        var profiles = new List<NightProfile>();
        var start = 0;
        DateOnly? current = null;
        for (var i = 0; i <= samples.Length; i++)
        {
            var night = i < samples.Length ? clock.Place(samples[i].At)?.Night : null;
            if (i < samples.Length && night == current)
            {
                continue;
            }

            if (current is { } done)
            {
                profiles.Add(NightProfileBuilder.Build(done, samples[start..i], thresholds, clock));
            }

            (current, start) = (night, i);
        }

        return FromProfiles(profiles, occupiedSince, lastNight, computedAt);
    }

    private static VitalNorm Norm(CountedValues values, double floor)
    {
        var (median, spread) = values.MedianAndSpread(floor);
        return new VitalNorm(Math.Round(median, 2), Math.Round(spread, 2));
    }
}

/// <summary>A baseline (null while warming up) and the nights with enough data so far.</summary>
public sealed record BaselineResult(ResidentBaseline? Baseline, int Nights);
