using CareIoT.Contracts;

namespace CareIoT.Baselines;

/// <summary>
/// Slow deterioration over nights, against the resident's baseline: resting heart rate or respiration above
/// usual by the bed's fraction, or bed exits or movement above usual + 3 spreads, for the bed's number of
/// consecutive nights. One notice per episode; the episode ends with the first night without any of these.
/// </summary>
public static class DeteriorationWatch
{
    public static (DeteriorationState State, DeteriorationNotice? Notice) Observe(
        DeteriorationState state, NightSummary night, ResidentBaseline? baseline, BedThresholds thresholds)
    {
        if (baseline is null || state.LastNight >= night.Night)
        {
            return (state, null); // warming up, or this night was seen already
        }

        var reasons = Reasons(night, baseline, thresholds.DeteriorationFraction);
        if (reasons.Count == 0)
        {
            return (new DeteriorationState(0, false, null, night.Night), null);
        }

        var nights = state.LastNight == night.Night.AddDays(-1) ? state.Nights + 1 : 1;
        var since = nights == 1 ? night.Night : state.Since ?? night.Night;
        if (nights < thresholds.DeteriorationNights || state.InEpisode)
        {
            return (new DeteriorationState(nights, state.InEpisode, since, night.Night), null);
        }

        return (new DeteriorationState(nights, true, since, night.Night), new DeteriorationNotice(night.BedId, since, night.Night, nights, reasons));
    }

    private static List<string> Reasons(NightSummary night, ResidentBaseline usual, double fraction)
    {
        var reasons = new List<string>();
        if (night.HeartRateAboveUsual > fraction)
        {
            reasons.Add($"resting heart rate {night.RestingHeartRate:0.#}/min, usual {usual.HeartRate.Median:0.#}");
        }

        if (night.RespirationAboveUsual > fraction)
        {
            reasons.Add($"resting respiration {night.RestingRespiration:0.#}/min, usual {usual.Respiration.Median:0.#}");
        }

        if (night.BedExits > usual.BedExits.Median + 3 * usual.BedExits.Spread)
        {
            reasons.Add($"{night.BedExits} bed exits, usual {usual.BedExits.Median:0.#}");
        }

        if (night.MovementMinutes > usual.MovementMinutes.Median + 3 * usual.MovementMinutes.Spread)
        {
            reasons.Add($"restless: {night.MovementMinutes} minutes with movement, usual {usual.MovementMinutes.Median:0.#}");
        }

        return reasons;
    }
}
