using CareIoT.Contracts;

namespace CareIoT.Baselines;

/// <summary>
/// One night of one bed from its minute series: time in bed, bed exits (a minute in bed followed by one out),
/// the longest exit (time out before the resident first got into bed is no exit), movement minutes, minutes with vitals outside the limits in force, mean resting vitals
/// and how far above the resident's usual they were. Minutes missing from the series count as nothing.
/// </summary>
public static class NightSummaryBuilder
{
    /// <param name="bedId">The bed the summary is of.</param>
    /// <param name="night">The night, named by the date it starts.</param>
    /// <param name="samples">The night's minutes, in time order.</param>
    /// <param name="thresholds">The bed's settings (absolute limits, movement threshold, k).</param>
    /// <param name="baseline">The resident's baseline before this night; null while warming up.</param>
    /// <param name="clock">The bed's night window.</param>
    public static NightSummary Build(string bedId, DateOnly night, ReadOnlySpan<MinuteSample> samples, BedThresholds thresholds,
        ResidentBaseline? baseline, NightClock clock)
    {
        int inBed = 0, exits = 0, movement = 0, outOfRange = 0, resting = 0;
        int outRun = 0, longestOut = 0;
        double hrSum = 0, rrSum = 0;
        bool? wasPresent = null;
        VitalLimits? limits = null;
        var limitsHour = -1;
        foreach (var s in samples)
        {
            if (s.Present)
            {
                inBed++;
                outRun = 0;
                if (s.Movement >= thresholds.MovementThreshold)
                {
                    movement++;
                }

                var hour = clock.Place(s.At)?.Hour ?? -1;
                if (hour != limitsHour)
                {
                    limits = PersonalLimits.For(baseline, thresholds, hour);
                    limitsHour = hour;
                }

                if (Outside(s.HeartRate, limits!.HeartRateLow, limits.HeartRateHigh) || Outside(s.Respiration, limits.RespirationLow, limits.RespirationHigh))
                {
                    outOfRange++;
                }

                if (RestingMinute.Is(s, thresholds.MovementThreshold))
                {
                    resting++;
                    hrSum += s.HeartRate!.Value;
                    rrSum += s.Respiration!.Value;
                }
            }
            else
            {
                if (wasPresent == true)
                {
                    exits++;
                }

                if (exits > 0)
                {
                    outRun++;
                    longestOut = Math.Max(longestOut, outRun);
                }
            }

            wasPresent = s.Present;
        }

        double? hr = resting > 0 ? hrSum / resting : null;
        double? rr = resting > 0 ? rrSum / resting : null;
        return new NightSummary(bedId, night, TimeSpan.FromMinutes(inBed), exits, TimeSpan.FromMinutes(longestOut), movement, outOfRange,
            hr, rr, Above(hr, baseline?.HeartRate), Above(rr, baseline?.Respiration), samples.Length);
    }

    private static bool Outside(double? value, int low, int high) => value is { } v && v > 0 && (v < low || v > high);

    private static double? Above(double? value, VitalNorm? usual) =>
        value is { } v && usual is { Median: > 0 } u ? (v - u.Median) / u.Median : null;
}
