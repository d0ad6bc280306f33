using CareIoT.Contracts;

namespace CareIoT.Baselines;

/// <summary>
/// One night's resting values by hour (rounded to whole beats and breaths per minute), resting minutes, bed exits
/// and movement minutes — what the baseline needs of a night, built once when the night is over.
/// </summary>
public static class NightProfileBuilder
{
    /// <param name="night">The night, named by the date it starts.</param>
    /// <param name="samples">The night's minutes, in time order (minutes outside the night are ignored).</param>
    /// <param name="thresholds">The bed's settings: movement threshold.</param>
    /// <param name="clock">The bed's night window.</param>
    public static NightProfile Build(DateOnly night, ReadOnlySpan<MinuteSample> samples, BedThresholds thresholds, NightClock clock)
    {
        var hours = new SortedDictionary<int, (CountedValues Heart, CountedValues Breath)>();
        var resting = 0;
        foreach (var s in samples)
        {
            if (!RestingMinute.Is(s, thresholds.MovementThreshold) || clock.Place(s.At) is not { } place || place.Night != night)
            {
                continue;
            }

            if (!hours.TryGetValue(place.Hour, out var values))
            {
                hours[place.Hour] = values = (new CountedValues(), new CountedValues());
            }

            values.Heart.Add((int)Math.Round(s.HeartRate!.Value));
            values.Breath.Add((int)Math.Round(s.Respiration!.Value));
            resting++;
        }

        var summary = NightSummaryBuilder.Build("", night, samples, thresholds, null, clock);
        return new NightProfile(night, clock.Bounds(night).From, resting, summary.BedExits, summary.MovementMinutes, [.. hours.Select(h =>
        {
            var (heartFrom, heart) = h.Value.Heart.ToRange();
            var (breathFrom, breath) = h.Value.Breath.ToRange();
            return new HourValues(h.Key, heartFrom, heart, breathFrom, breath);
        })]);
    }
}
