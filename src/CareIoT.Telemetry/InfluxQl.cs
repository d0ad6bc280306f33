using System.Globalization;
using System.Text;

namespace CareIoT.Telemetry;

/// <summary>Quoting and literals for building InfluxQL statements safely from names and values.</summary>
public static class InfluxQl
{
    /// <summary>A double-quoted identifier (database, retention policy, measurement, tag or field name).</summary>
    public static string Identifier(string name) => Quote(name, '"');

    /// <summary>A single-quoted string literal (e.g. a tag value in a WHERE clause).</summary>
    public static string String(string value) => Quote(value, '\'');

    /// <summary>
    /// A duration literal in the largest unit that divides it exactly (<c>7d</c>, <c>90m</c>,
    /// <c>1500ms</c>); <see cref="TimeSpan.Zero"/> and <see cref="Timeout.InfiniteTimeSpan"/> become <c>INF</c>.
    /// </summary>
    public static string Duration(TimeSpan duration)
    {
        if (duration == TimeSpan.Zero || duration == Timeout.InfiniteTimeSpan)
        {
            return "INF";
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(duration, TimeSpan.Zero);
        (TimeSpan Unit, string Suffix)[] units =
        [
            (TimeSpan.FromDays(7), "w"), (TimeSpan.FromDays(1), "d"), (TimeSpan.FromHours(1), "h"), (TimeSpan.FromMinutes(1), "m"),
            (TimeSpan.FromSeconds(1), "s"), (TimeSpan.FromMilliseconds(1), "ms"), (TimeSpan.FromMicroseconds(1), "u"),
        ];
        foreach (var (unit, suffix) in units)
        {
            if (duration.Ticks % unit.Ticks == 0)
            {
                return (duration.Ticks / unit.Ticks).ToString(CultureInfo.InvariantCulture) + suffix;
            }
        }

        return (duration.Ticks * 100).ToString(CultureInfo.InvariantCulture) + "ns";
    }

    private static string Quote(string text, char quote)
    {
        ArgumentNullException.ThrowIfNull(text);
        var builder = new StringBuilder(text.Length + 2).Append(quote);
        foreach (var c in text)
        {
            if (c == quote || c == '\\')
            {
                builder.Append('\\');
            }

            builder.Append(c);
        }

        return builder.Append(quote).ToString();
    }
}
