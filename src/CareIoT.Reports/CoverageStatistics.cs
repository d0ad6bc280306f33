using CareIoT.Contracts.Rotation;

namespace CareIoT.Reports;

/// <summary>
/// Rotation coverage figures for the reports from the wall's log (<see cref="CoverageEntry"/>), exact rather than sampled: entries are clipped to the period,
/// overlapping entries of a site (two segments back to back, or a restart) are merged, and the
/// longest gap includes the stretch before the first showing and after the last.
/// </summary>
public static class CoverageStatistics
{
    public static IReadOnlyList<SiteCoverage> Compute(
        IEnumerable<string> siteKeys, IEnumerable<CoverageEntry> entries, DateTimeOffset from, DateTimeOffset to)
    {
        var bySite = entries
            .Where(e => e.To > from && e.From < to)
            .GroupBy(e => e.SiteKey, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        return [.. siteKeys.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)
            .Select(key => Of(key, bySite.GetValueOrDefault(key) ?? [], from, to))];
    }

    private static SiteCoverage Of(string key, List<CoverageEntry> entries, DateTimeOffset from, DateTimeOffset to)
    {
        var merged = Merge(entries.Select(e => (Start: Max(e.From, from), End: Min(e.To, to))));
        var longestGap = TimeSpan.Zero;
        var cursor = from;
        foreach (var (start, end) in merged)
        {
            longestGap = Max(longestGap, start - cursor);
            cursor = end;
        }

        longestGap = Max(longestGap, to - cursor);
        var shown = merged.Aggregate(TimeSpan.Zero, (sum, m) => sum + (m.End - m.Start));
        return new SiteCoverage(key, merged.Count, shown, longestGap, merged.Count == 0 ? null : merged[^1].End);
    }

    /// <summary>Sorted intervals with touching or overlapping ones joined: one continuous showing counts once.</summary>
    private static List<(DateTimeOffset Start, DateTimeOffset End)> Merge(IEnumerable<(DateTimeOffset Start, DateTimeOffset End)> intervals)
    {
        List<(DateTimeOffset Start, DateTimeOffset End)> merged = [];
        foreach (var interval in intervals.OrderBy(i => i.Start))
        {
            if (merged.Count > 0 && interval.Start <= merged[^1].End)
            {
                merged[^1] = (merged[^1].Start, Max(merged[^1].End, interval.End));
            }
            else
            {
                merged.Add(interval);
            }
        }

        return merged;
    }

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;
}
