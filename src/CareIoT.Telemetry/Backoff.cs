namespace CareIoT.Telemetry;

/// <summary>Exponential back-off: the initial delay, doubled per attempt, capped at the maximum.</summary>
internal static class Backoff
{
    /// <summary>The wait before attempt <paramref name="attempt"/> (1 = the first retry); zero for 0.</summary>
    public static TimeSpan Delay(InfluxOptions options, int attempt)
    {
        if (attempt <= 0 || options.InitialBackoff <= TimeSpan.Zero)
        {
            return TimeSpan.Zero;
        }

        // Doubling past 2^30 overflows long before any sane maximum is reached.
        var factor = Math.Pow(2, Math.Min(attempt - 1, 30));
        var ticks = Math.Min(options.InitialBackoff.Ticks * factor, options.MaxBackoff.Ticks);
        return TimeSpan.FromTicks((long)Math.Max(ticks, 0));
    }
}
