namespace CareIoT.Dc09;

/// <summary>The spelling of each <see cref="Dc09Token"/> on the wire, without the encryption star.</summary>
internal static class Dc09TokenText
{
    private static readonly Dc09Token[] All = Enum.GetValues<Dc09Token>();

    public static string Of(Dc09Token token) => token switch
    {
        Dc09Token.SiaDcs => "SIA-DCS",
        Dc09Token.AdmCid => "ADM-CID",
        Dc09Token.Null => "NULL",
        Dc09Token.Ack => "ACK",
        Dc09Token.Nak => "NAK",
        Dc09Token.Duh => "DUH",
        _ => throw new ArgumentOutOfRangeException(nameof(token), token, "Not a DC-09 token."),
    };

    public static bool TryParse(ReadOnlySpan<byte> text, out Dc09Token token)
    {
        foreach (var candidate in All)
        {
            if (Dc09Ascii.Equals(text, Of(candidate)))
            {
                token = candidate;
                return true;
            }
        }

        token = default;
        return false;
    }

    // A DUH is the answer to something the receiver could not process, so there is no key
    // context in which an encrypted one would make sense; DC-09 defines no "*DUH".
    public static bool MayBeEncrypted(Dc09Token token) => token is not Dc09Token.Duh;
}
