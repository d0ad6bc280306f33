using System.Globalization;
using CareIoT.Contracts;

namespace CareIoT.Baselines;

/// <summary>
/// The vitals limits in force: the resident's usual ± k × spread for the hour of the night (the whole night's
/// norm where the hour rests on too few minutes), never wider than the bed's absolute safety limits; the absolute
/// limits alone while there is no baseline or k is 0.
/// </summary>
public static class PersonalLimits
{
    /// <summary>An hour's norm is used only when it rests on at least this many minutes.</summary>
    public const int MinutesForAnHour = 30;

    public static VitalLimits For(ResidentBaseline? baseline, BedThresholds thresholds, int? hour)
    {
        if (baseline is null || thresholds.PersonalLimitK <= 0)
        {
            return new(thresholds.HeartRateLow, thresholds.HeartRateHigh, thresholds.RespirationLow, thresholds.RespirationHigh, Personal: false);
        }

        var byHour = hour is { } h ? baseline.ByHour.FirstOrDefault(n => n.Hour == h && n.Minutes >= MinutesForAnHour) : null;
        var (hrLow, hrHigh) = Inside(byHour?.HeartRate ?? baseline.HeartRate, thresholds.PersonalLimitK, thresholds.HeartRateLow, thresholds.HeartRateHigh);
        var (rrLow, rrHigh) = Inside(byHour?.Respiration ?? baseline.Respiration, thresholds.PersonalLimitK, thresholds.RespirationLow, thresholds.RespirationHigh);
        return new(hrLow, hrHigh, rrLow, rrHigh, Personal: true);
    }

    /// <summary>"HR 104/min, her usual 62–78" — the reading and the range it was held against.</summary>
    public static string Describe(string vital, int value, int low, int high, bool personal) =>
        string.Create(CultureInfo.InvariantCulture, $"{vital} {value}/min, {(personal ? "usual" : "limits")} {low}–{high}");

    private static (int Low, int High) Inside(VitalNorm norm, double k, int absoluteLow, int absoluteHigh)
    {
        var low = Math.Max(absoluteLow, (int)Math.Floor(norm.Median - k * norm.Spread));
        var high = Math.Min(absoluteHigh, (int)Math.Ceiling(norm.Median + k * norm.Spread));
        return low < high ? (low, high) : (absoluteLow, absoluteHigh);
    }
}
