using CareIoT.Contracts;

namespace CareIoT.Baselines.Tests;

/// <summary>Hand-made minute series: every minute of each night's window, with values from a function of (night, minute).</summary>
internal static class Nights
{
    public static readonly BedThresholds Shanghai = new();
    public static readonly DateOnly First = new(2026, 3, 1);

    public static MinuteSample[] Make(int nights, Func<int, int, MinuteSample, MinuteSample> shape, BedThresholds? thresholds = null, DateOnly? first = null)
    {
        var clock = NightClock.Of(thresholds ?? Shanghai);
        var samples = new List<MinuteSample>();
        for (var n = 0; n < nights; n++)
        {
            var (from, to) = clock.Bounds((first ?? First).AddDays(n));
            for (var m = 0; m < (int)(to - from).TotalMinutes; m++)
            {
                samples.Add(shape(n, m, new MinuteSample(from.AddMinutes(m), true, 62, 15, 0)));
            }
        }

        return [.. samples];
    }

    public static DateOnly Last(int nights) => First.AddDays(nights - 1);

    public static DateTimeOffset Long_ago => new(2020, 1, 1, 0, 0, 0, TimeSpan.Zero);
}
