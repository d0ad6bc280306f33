namespace CareIoT.Contracts;

/// <summary>
/// One bed's rule settings, editable through the API; the defaults suit most residents. Times of
/// day are in the facility's <see cref="TimeZone"/> (an IANA id); the night window may cross midnight.
/// </summary>
[GenerateSerializer, Immutable, Alias("CareIoT.BedThresholds")]
public sealed record BedThresholds
{
    [Id(0)] public TimeOnly NightStart { get; init; } = new(22, 0);
    [Id(1)] public TimeOnly NightEnd { get; init; } = new(6, 0);
    [Id(2)] public string TimeZone { get; init; } = "Asia/Shanghai";
    [Id(3)] public TimeSpan OutOfBedLimit { get; init; } = TimeSpan.FromMinutes(30);
    [Id(4)] public int HeartRateLow { get; init; } = 40;
    [Id(5)] public int HeartRateHigh { get; init; } = 120;
    [Id(6)] public int RespirationLow { get; init; } = 8;
    [Id(7)] public int RespirationHigh { get; init; } = 30;
    [Id(8)] public TimeSpan VitalsHold { get; init; } = TimeSpan.FromMinutes(2);
    [Id(9)] public TimeSpan ApneaPause { get; init; } = TimeSpan.FromSeconds(10);
    [Id(10)] public int ApneaEpisodes { get; init; } = 3;
    [Id(11)] public TimeSpan ApneaWindow { get; init; } = TimeSpan.FromMinutes(10);
    [Id(12)] public bool Bedridden { get; init; }
    [Id(13)] public TimeSpan TurnInterval { get; init; } = TimeSpan.FromHours(4);
    [Id(14)] public int MovementThreshold { get; init; } = 5;
    [Id(15)] public TimeSpan PresenceLostGrace { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>Personal limits are the resident's usual ± this many spreads (inside the absolute limits above); 0 turns them off.</summary>
    [Id(16)] public double PersonalLimitK { get; init; } = 3;

    /// <summary>A deterioration notice: resting HR or respiration this fraction above usual (0.10 = 10 %)…</summary>
    [Id(17)] public double DeteriorationFraction { get; init; } = 0.10;

    /// <summary>…for this many consecutive nights (also for bed exits or restlessness well above usual).</summary>
    [Id(18)] public int DeteriorationNights { get; init; } = 3;

    /// <summary>What is wrong with these settings; empty when they can be used.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (HeartRateLow >= HeartRateHigh || HeartRateLow < 0)
        {
            problems.Add("heartRateLow must be at least 0 and below heartRateHigh");
        }

        if (RespirationLow >= RespirationHigh || RespirationLow < 0)
        {
            problems.Add("respirationLow must be at least 0 and below respirationHigh");
        }

        if (new[] { OutOfBedLimit, VitalsHold, ApneaPause, ApneaWindow, TurnInterval, PresenceLostGrace }.Any(t => t <= TimeSpan.Zero))
        {
            problems.Add("every duration must be positive");
        }

        if (PersonalLimitK is < 0 or > 10 || double.IsNaN(PersonalLimitK))
        {
            problems.Add("personalLimitK must be between 0 (off) and 10");
        }

        if (DeteriorationFraction is <= 0 or > 1 || double.IsNaN(DeteriorationFraction) || DeteriorationNights is < 1 or > 14)
        {
            problems.Add("deteriorationFraction must be above 0 and at most 1, deteriorationNights between 1 and 14");
        }

        if (ApneaEpisodes < 1)
        {
            problems.Add("apneaEpisodes must be at least 1");
        }

        if (!System.TimeZoneInfo.TryFindSystemTimeZoneById(TimeZone, out _))
        {
            problems.Add($"unknown time zone '{TimeZone}'");
        }

        return problems;
    }
}
