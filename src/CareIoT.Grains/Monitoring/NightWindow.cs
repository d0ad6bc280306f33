namespace CareIoT.Grains.Monitoring;

/// <summary>A nightly window in local time (e.g. 22:00–06:00, crossing midnight) and how much of a span falls in it.</summary>
public sealed class NightWindow(TimeOnly start, TimeOnly end, TimeZoneInfo zone)
{
    /// <summary>The part of [from, to) that lies inside the window.</summary>
    public TimeSpan Overlap(DateTimeOffset from, DateTimeOffset to)
    {
        if (to <= from)
        {
            return TimeSpan.Zero;
        }

        var total = TimeSpan.Zero;
        var firstDay = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(from, zone).Date).AddDays(-1);
        var lastDay = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(to, zone).Date);
        for (var day = firstDay; day <= lastDay; day = day.AddDays(1))
        {
            var opens = Local(day, start);
            var closes = Local(end > start ? day : day.AddDays(1), end);
            var a = opens > from ? opens : from;
            var b = closes < to ? closes : to;
            if (b > a)
            {
                total += b - a;
            }
        }

        return total;
    }

    private DateTimeOffset Local(DateOnly day, TimeOnly time)
    {
        var local = day.ToDateTime(time, DateTimeKind.Unspecified);
        return new DateTimeOffset(local, zone.GetUtcOffset(local));
    }
}
