namespace CareIoT.Dc09;

/// <summary>
/// How a frame's main data travels inside DC-09's encrypted area, the one place where the standard
/// leaves room for reading. ANSI/SIA DC-09-2013 §5.4.4 puts the pad between the opening <c>[</c> and a
/// pad-termination <c>|</c>, and encrypts <c>pad|…data…][x-data]timestamp</c>; the data of an
/// unencrypted frame begins with its account block <c>#acct|</c>. Our reading, which is also what panels
/// in the field send: the pad and its <c>|</c> take the place of that account block, since the account
/// is already in the clear header. So <c>#1234|1110 01 015</c> is encrypted as <c>pad|1110 01 015]…</c>,
/// and decryption puts <c>#acct|</c> back from the header. A decrypted body that still starts with an
/// account block (<c>pad|#1234|…</c>) is taken as it is, so panels that keep the account inside are read
/// too; the encoder uses that long form only where the short one would not read back the same.
/// </summary>
internal static class Dc09EncryptedData
{
    /// <summary>The frame's <see cref="Dc09Frame.Data"/> from a decrypted body and the header's account.</summary>
    public static string FromBody(string body, string account) =>
        body.Length == 0 || StartsWithAccountBlock(body) ? body : $"#{account}|{body}";

    /// <summary>The body to encrypt, or false when the data has no form that reads back as itself.</summary>
    public static bool TryToBody(Dc09Frame frame, out string body)
    {
        var block = $"#{frame.Account}|";
        var data = frame.Data;
        if (data.Length > block.Length && data.StartsWith(block, StringComparison.Ordinal) && data[block.Length] != '#')
        {
            body = data[block.Length..];
            return true;
        }

        body = data;
        return data.Length == 0 || StartsWithAccountBlock(data);
    }

    private static bool StartsWithAccountBlock(string text)
    {
        if (text.Length < 3 || text[0] != '#')
        {
            return false;
        }

        var i = 1;
        while (i < text.Length && i <= 16 && text[i] < 0x80 && Dc09Ascii.IsUpperHex((byte)text[i]))
        {
            i++;
        }

        return i > 1 && i < text.Length && text[i] == '|';
    }
}
