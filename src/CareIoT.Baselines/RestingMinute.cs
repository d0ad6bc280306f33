namespace CareIoT.Baselines;

/// <summary>
/// A minute that tells a resident's resting vitals: in bed, still (movement below the bed's threshold), with both
/// heart rate and respiration measured and above zero (a breathing pause is the apnea rule's, not a baseline's).
/// </summary>
public static class RestingMinute
{
    public static bool Is(in MinuteSample sample, int movementThreshold) =>
        sample.Present && sample.HeartRate > 0 && sample.Respiration > 0 && (sample.Movement ?? 0) < movementThreshold;
}
