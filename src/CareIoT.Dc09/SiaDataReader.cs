using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace CareIoT.Dc09;

/// <summary>
/// SIA-DCS data as DC-09 carries the SIA DC-03/DC-07 blocks: an optional account block <c>#acct|</c> (or a
/// bare <c>|</c>), then <c>N</c> (new event) and, in any order:
/// <list type="bullet">
/// <item>modifiers, two lowercase letters and a value: <c>ri</c> area, <c>id</c> user, <c>pi</c> peripheral
/// (decimal), <c>ti</c> time <c>hh:mm</c> or <c>hh:mm:ss</c>, <c>da</c> date <c>MM-DD-YY</c> or <c>MM-DD-YYYY</c>.
/// Any other modifier (a value of digits, <c>:</c>, <c>-</c>, <c>.</c>) is passed over. A modifier holds for
/// every event after it in the message until it is set again.</item>
/// <item>events, two uppercase letters and an optional decimal parameter (zone, user, …; six digits at most).</item>
/// <item>ASCII text <c>^…^</c>, which belongs to the event before it (text before any event, to the first one).</item>
/// </list>
/// Panels separate the elements with <c>/</c> (<c>Nri1/BA01/BR01</c>) or write them one after the other
/// (<c>Nri1CL0^VX FRONTE       ^</c>, <c>Nri0000pi0006da10-25-18ti14:37:53UT0000^…^</c>); an empty element
/// (<c>//</c>, a leading or trailing <c>/</c>) is an error. An empty data block carries no event; an
/// <c>N</c> block must carry at least one.
/// </summary>
internal static class SiaDataReader
{
    private static readonly string[] TimeFormats = ["HH:mm", "HH:mm:ss"];
    private static readonly string[] DateFormats = ["MM-dd-yy", "MM-dd-yyyy"];

    public static bool TryRead(string data, [NotNullWhen(true)] out IReadOnlyList<SiaEvent>? events)
    {
        events = null;
        var body = WithoutAccountBlock(data);
        if (body.Length == 0)
        {
            events = [];
            return true;
        }

        if (body[0] != 'N')
        {
            return false;
        }

        var found = new List<SiaEvent>();
        var context = new SiaEvent("", null, null); // the modifiers in force; Code and Number unused
        string? leadingText = null;
        var open = true; // just after N or '/': an element must come
        var at = 1;
        while (at < body.Length)
        {
            var c = body[at];
            var pair = at + 1 < body.Length;
            if (c == '/')
            {
                if (open)
                {
                    return false;
                }

                open = true;
                at++;
                continue;
            }

            open = false;
            if (c == '^')
            {
                var close = body.IndexOf('^', at + 1);
                if (close < 0)
                {
                    return false;
                }

                var text = body[(at + 1)..close];
                if (found.Count == 0)
                {
                    leadingText = Join(leadingText, text);
                }
                else
                {
                    found[^1] = found[^1] with { Text = Join(found[^1].Text, text) };
                }

                at = close + 1;
            }
            else if (pair && char.IsAsciiLetterLower(c) && char.IsAsciiLetterLower(body[at + 1]))
            {
                var name = body.Substring(at, 2);
                var start = at += 2;
                while (at < body.Length && (char.IsAsciiDigit(body[at]) || body[at] is ':' or '-' or '.'))
                {
                    at++;
                }

                if (!TryApply(name, body.AsSpan(start, at - start), ref context))
                {
                    return false;
                }
            }
            else if (pair && char.IsAsciiLetterUpper(c) && char.IsAsciiLetterUpper(body[at + 1]))
            {
                var code = body.Substring(at, 2);
                var start = at += 2;
                while (at < body.Length && char.IsAsciiDigit(body[at]))
                {
                    at++;
                }

                int? number = null;
                if (at > start && !TryNumber(body.AsSpan(start, at - start), out number))
                {
                    return false;
                }

                found.Add(context with { Code = code, Number = number, Text = leadingText });
                leadingText = null;
            }
            else
            {
                return false;
            }
        }

        events = found;
        return !open && found.Count > 0;
    }

    private static string WithoutAccountBlock(string data) =>
        data.StartsWith('#') && data.IndexOf('|', StringComparison.Ordinal) is var bar and >= 0 ? data[(bar + 1)..]
        : data.StartsWith('|') ? data[1..]
        : data;

    private static bool TryApply(string name, ReadOnlySpan<char> value, ref SiaEvent context)
    {
        switch (name)
        {
            case "ri" when TryNumber(value, out var area):
                context = context with { Area = area };
                return true;
            case "id" when TryNumber(value, out var user):
                context = context with { User = user };
                return true;
            case "pi" when TryNumber(value, out var peripheral):
                context = context with { Peripheral = peripheral };
                return true;
            case "ti" when TimeOnly.TryParseExact(value, TimeFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var time):
                context = context with { Time = time };
                return true;
            case "da" when DateOnly.TryParseExact(value, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date):
                context = context with { Date = date };
                return true;
            case "ri" or "id" or "pi" or "ti" or "da":
                return false;
            default:
                return true; // a modifier this centre does not use
        }
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

    private static string Join(string? first, string second) => first is null ? second : $"{first} {second}";
}
