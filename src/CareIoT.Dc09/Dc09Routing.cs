namespace CareIoT.Dc09;

/// <summary>
/// The routing fields between sequence number and data: optional <c>R</c> receiver (1–6 hex digits),
/// optional <c>L</c> line prefix (1–6), then <c>#</c> and the account (3–16). All hex is uppercase, so
/// the markers R, L and # cannot be mistaken for digits. One exception: the NAK the standard prescribes
/// reads <c>R0L0A0</c>, where A marks the account; as A is also a hex digit it is recognised whole.
/// </summary>
internal static class Dc09Routing
{
    public static bool TryRead(ReadOnlySpan<byte> text, Dc09Token? token, out string? receiver, out string? prefix, out string account, out int consumed)
    {
        receiver = null;
        prefix = null;
        account = "";
        consumed = 0;
        if (token == Dc09Token.Nak && text.StartsWith("R0L0A0["u8))
        {
            (receiver, prefix, account, consumed) = ("0", "0", "0", 6);
            return true;
        }

        var at = 0;
        if (at < text.Length && text[at] == 'R' && !TryReadNumber(text, ref at, 6, 1, out receiver))
        {
            return false;
        }

        if (at < text.Length && text[at] == 'L' && !TryReadNumber(text, ref at, 6, 1, out prefix))
        {
            return false;
        }

        if (at >= text.Length || text[at] != '#' || !TryReadNumber(text, ref at, 16, 3, out var number))
        {
            return false;
        }

        account = number;
        consumed = at;
        return true;
    }

    /// <summary>Reads the hex digits after the marker at <paramref name="at"/> and moves past them.</summary>
    private static bool TryReadNumber(ReadOnlySpan<byte> text, ref int at, int most, int least, out string number)
    {
        var start = at + 1;
        var end = start;
        while (end < text.Length && Dc09Ascii.IsUpperHex(text[end]))
        {
            end++;
        }

        number = "";
        if (end - start < least || end - start > most)
        {
            return false;
        }

        number = Dc09Ascii.ToText(text[start..end]);
        at = end;
        return true;
    }
}
