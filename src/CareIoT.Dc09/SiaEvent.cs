using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace CareIoT.Dc09;

/// <summary>
/// One SIA event from a SIA-DCS data block: the two-letter <see cref="Code"/> (FA fire alarm, MA medical
/// alarm, RP automatic test, …), the zone or user <see cref="Number"/> written after it, if any, and the
/// <see cref="Area"/> (<c>ri</c>) in force at that point, if any.
/// </summary>
public sealed record SiaEvent(string Code, int? Number, int? Area)
{
    /// <summary>
    /// Reads the data of a SIA-DCS frame, with or without its leading <c>#acct|</c>: <c>N</c>, then
    /// <c>/</c>-separated blocks, each of optional lowercase modifiers (<c>ri1</c> area, <c>id5</c> user,
    /// <c>ti10:30</c> time, …) followed by an optional event code and number, e.g. <c>Nri1/FA23</c>,
    /// <c>NFA23</c>, <c>Nid1/OP5</c>. An area set by <c>ri</c> holds for the blocks after it. At least
    /// one event; anything outside this shape fails rather than being half read.
    /// </summary>
    public static bool TryParseAll(string data, [NotNullWhen(true)] out IReadOnlyList<SiaEvent>? events)
    {
        events = null;
        var body = data.StartsWith('#') && data.IndexOf('|', StringComparison.Ordinal) is var bar and >= 0 ? data[(bar + 1)..] : data;
        if (body.Length < 2 || body[0] != 'N')
        {
            return false;
        }

        var found = new List<SiaEvent>();
        int? area = null;
        foreach (var block in body[1..].Split('/'))
        {
            var at = 0;
            while (at + 1 < block.Length && char.IsAsciiLetterLower(block[at]) && char.IsAsciiLetterLower(block[at + 1]))
            {
                var name = block.AsSpan(at, 2);
                var start = at += 2;
                while (at < block.Length && (char.IsAsciiDigit(block[at]) || block[at] == ':'))
                {
                    at++;
                }

                if (name is "ri" && !TryNumber(block.AsSpan(start, at - start), out area))
                {
                    return false;
                }
            }

            if (block.Length == 0 || (at < block.Length && !TryEvent(block.AsSpan(at), area, found)))
            {
                return false;
            }
        }

        events = found;
        return found.Count > 0;
    }

    private static bool TryEvent(ReadOnlySpan<char> text, int? area, List<SiaEvent> found)
    {
        if (text.Length < 2 || !char.IsAsciiLetterUpper(text[0]) || !char.IsAsciiLetterUpper(text[1]))
        {
            return false;
        }

        int? number = null;
        if (text.Length > 2 && !TryNumber(text[2..], out number))
        {
            return false;
        }

        found.Add(new SiaEvent(text[..2].ToString(), number, area));
        return true;
    }

    // Six digits at most: SIA zones and users run to four or five, and an int must not overflow.
    private static bool TryNumber(ReadOnlySpan<char> digits, out int? number)
    {
        number = null;
        if (digits.Length is 0 or > 6 || !int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var value))
        {
            return false;
        }

        number = value;
        return true;
    }
}
