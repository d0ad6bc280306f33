using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace CareIoT.Dc09;

/// <summary>
/// One Ademco Contact ID event as ADM-CID carries it: <c>#acct|QEEE GG ZZZ</c>. <see cref="Qualifier"/>
/// is 1 (new event or opening), 3 (restore or closing) or 6 (previously reported, still present);
/// <see cref="Code"/> the three-digit event code (101 personal emergency, 602 periodic test, …);
/// <see cref="Partition"/> two digits; <see cref="Zone"/> three digits, the zone or the user number.
/// </summary>
public sealed record ContactIdEvent(int Qualifier, int Code, int Partition, int Zone)
{
    public const int NewEvent = 1;
    public const int Restore = 3;
    public const int StillPresent = 6;

    /// <summary>Qualifier and event code as four digits, e.g. <c>1101</c>: the key vendor tables use.</summary>
    public string QualifiedCode => string.Create(CultureInfo.InvariantCulture, $"{Qualifier}{Code:D3}");

    /// <summary>
    /// Reads the data of an ADM-CID frame, with or without its leading <c>#acct|</c>. Strict: exactly
    /// <c>QEEE GG ZZZ</c> with single spaces and decimal digits, qualifier 1, 3 or 6.
    /// </summary>
    public static bool TryParse(string data, [NotNullWhen(true)] out ContactIdEvent? value)
    {
        value = null;
        var body = data.StartsWith('#') && data.IndexOf('|', StringComparison.Ordinal) is var bar and >= 0 ? data[(bar + 1)..] : data;
        if (body.Length != 11 || body[4] != ' ' || body[7] != ' ' || body[0] is not ('1' or '3' or '6'))
        {
            return false;
        }

        if (!int.TryParse(body.AsSpan(1, 3), NumberStyles.None, CultureInfo.InvariantCulture, out var code)
            || !int.TryParse(body.AsSpan(5, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var partition)
            || !int.TryParse(body.AsSpan(8, 3), NumberStyles.None, CultureInfo.InvariantCulture, out var zone))
        {
            return false;
        }

        value = new ContactIdEvent(body[0] - '0', code, partition, zone);
        return true;
    }
}
