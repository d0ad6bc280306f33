namespace CareIoT.Reports;

/// <summary>One site's coverage in a period: how often and how long it was on a watched wall, and its longest gap.</summary>
public sealed record SiteCoverage(string SiteKey, int Count, TimeSpan Shown, TimeSpan LongestGap, DateTimeOffset? LastShown);
