using System.Globalization;

namespace CareIoT.Server.Reports;

/// <summary>
/// A report's period from the query: <c>period=day&amp;date=2026-11-23</c>, <c>period=month&amp;month=2026-11</c>
/// (days and months in the centre's local time, <c>Reports:UtcOffsetHours</c>, default +8) or
/// <c>from=…&amp;to=…</c> (ISO 8601). Null when the query names no valid period.
/// </summary>
public static class ReportPeriod
{
    // Reports are about the centre's years of service; outside these a date is a typo or an attack
    // (0001-01-01 at +8 h is before DateTimeOffset.MinValue, 9999-12 has no next month).
    private static readonly DateTimeOffset Earliest = new(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Latest = new(2200, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static (DateTimeOffset From, DateTimeOffset To)? Parse(string? period, string? date, string? month, DateTimeOffset? from, DateTimeOffset? to, TimeSpan offset) =>
        ParseUnbounded(period, date, month, from, to, offset) is { } found && found.From >= Earliest && found.To <= Latest ? found : null;

    private static (DateTimeOffset From, DateTimeOffset To)? ParseUnbounded(string? period, string? date, string? month, DateTimeOffset? from, DateTimeOffset? to, TimeSpan offset)
    {
        switch (period)
        {
            case "day" when DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
                && day.Year is >= 2000 and < 2200:
                var start = new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), offset);
                return (start, start.AddDays(1));
            case "month" when DateOnly.TryParseExact(month + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var first)
                && first.Year is >= 2000 and < 2200:
                var begin = new DateTimeOffset(first.ToDateTime(TimeOnly.MinValue), offset);
                return (begin, begin.AddMonths(1));
            case null or "custom" when from is { } f && to is { } t && f < t && t - f <= TimeSpan.FromDays(400):
                return (f, t);
            default:
                return null;
        }
    }
}
