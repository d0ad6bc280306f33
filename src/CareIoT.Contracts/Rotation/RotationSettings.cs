namespace CareIoT.Contracts.Rotation;

/// <summary>
/// How the wall rotates: each page of <see cref="SitesPerPage"/> tiles stays <see cref="Dwell"/>;
/// a site not on a watched screen for longer than <see cref="MaxGap"/> raises a supervision notice.
/// <see cref="Order"/> lists site keys to show first, in that order; the rest follow by key.
/// </summary>
[GenerateSerializer, Immutable, Alias("CareIoT.RotationSettings")]
public sealed record RotationSettings(TimeSpan Dwell, int SitesPerPage, TimeSpan MaxGap, IReadOnlyList<string>? Order = null)
{
    public static RotationSettings Default { get; } = new(TimeSpan.FromSeconds(15), 6, TimeSpan.FromMinutes(30));

    /// <summary>What is wrong with these settings; empty when they can be used.</summary>
    public IReadOnlyList<string> Problems()
    {
        List<string> problems = [];
        if (Dwell < TimeSpan.FromSeconds(1) || Dwell > TimeSpan.FromMinutes(10))
        {
            problems.Add("dwell must be between 1 s and 10 min");
        }

        if (SitesPerPage is < 1 or > 48)
        {
            problems.Add("sitesPerPage must be between 1 and 48");
        }

        if (MaxGap < Dwell)
        {
            problems.Add("maxGap must be at least the dwell time");
        }

        return problems;
    }
}
