using CareIoT.Contracts;

namespace CareIoT.Baselines;

/// <summary>
/// Which night a moment belongs to under a bed's night window (local time of the facility; the window may cross
/// midnight). A night is named by the local date it starts on: 22:00 on 3 March to 06:00 on 4 March is "3 March".
/// </summary>
public sealed class NightClock(TimeOnly start, TimeOnly end, TimeZoneInfo zone)
{
    public static NightClock Of(BedThresholds thresholds) =>
        new(thresholds.NightStart, thresholds.NightEnd, TimeZoneInfo.FindSystemTimeZoneById(thresholds.TimeZone));

    /// <summary>The night this moment falls in, and its local hour; null outside the window.</summary>
    public (DateOnly Night, int Hour)? Place(DateTimeOffset at)
    {
        var local = TimeZoneInfo.ConvertTime(at, zone).DateTime;
        var time = TimeOnly.FromDateTime(local);
        var day = DateOnly.FromDateTime(local);
        if (start < end)
        {
            return time >= start && time < end ? (day, local.Hour) : null;
        }

        if (time >= start)
        {
            return (day, local.Hour);
        }

        return time < end ? (day.AddDays(-1), local.Hour) : null;
    }

    /// <summary>The newest night that has ended by <paramref name="now"/>.</summary>
    public DateOnly LastEnded(DateTimeOffset now)
    {
        var night = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, zone).DateTime);
        while (Bounds(night).To > now)
        {
            night = night.AddDays(-1);
        }

        return night;
    }

    /// <summary>When the named night begins and ends, as instants.</summary>
    public (DateTimeOffset From, DateTimeOffset To) Bounds(DateOnly night) =>
        (Local(night, start), Local(start < end ? night : night.AddDays(1), end));

    private DateTimeOffset Local(DateOnly day, TimeOnly time)
    {
        var local = day.ToDateTime(time, DateTimeKind.Unspecified);
        return new DateTimeOffset(local, zone.GetUtcOffset(local));
    }
}
