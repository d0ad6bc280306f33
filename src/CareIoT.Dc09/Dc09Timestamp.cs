using System.Globalization;

namespace CareIoT.Dc09;

/// <summary>DC-09's timestamp field, <c>_HH:MM:SS,MM-DD-YYYY</c> in UTC, exactly 20 characters.</summary>
internal static class Dc09Timestamp
{
    public const int Length = 20;

    public static string Format(DateTimeOffset at) =>
        at.UtcDateTime.ToString("'_'HH':'mm':'ss','MM'-'dd'-'yyyy", CultureInfo.InvariantCulture);

    /// <summary>The field has no fractions, so a frame can only ever carry whole seconds.</summary>
    public static DateTimeOffset ToWholeSeconds(DateTimeOffset at) =>
        new(at.UtcTicks - (at.UtcTicks % TimeSpan.TicksPerSecond), TimeSpan.Zero);

    public static bool TryParse(ReadOnlySpan<byte> text, out DateTimeOffset at)
    {
        at = default;
        if (text.Length != Length || text[0] != '_' || text[3] != ':' || text[6] != ':' || text[9] != ','
            || text[12] != '-' || text[15] != '-')
        {
            return false;
        }

        if (!Dc09Ascii.TryParseDecimal(text.Slice(1, 2), out var hour) || !Dc09Ascii.TryParseDecimal(text.Slice(4, 2), out var minute)
            || !Dc09Ascii.TryParseDecimal(text.Slice(7, 2), out var second) || !Dc09Ascii.TryParseDecimal(text.Slice(10, 2), out var month)
            || !Dc09Ascii.TryParseDecimal(text.Slice(13, 2), out var day) || !Dc09Ascii.TryParseDecimal(text.Slice(16, 4), out var year))
        {
            return false;
        }

        // Checked by hand rather than caught from the DateTime constructor: the parser must not throw.
        if (hour > 23 || minute > 59 || second > 59 || year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return false;
        }

        at = new DateTimeOffset(year, month, day, hour, minute, second, TimeSpan.Zero);
        return true;
    }
}
