namespace CareIoT.Dc09;

/// <summary>
/// The part of a frame after the opening bracket of its data: <c>data][X…][Y…]_HH:MM:SS,MM-DD-YYYY</c>,
/// read from the wire for a plain frame or from the plaintext for an encrypted one.
/// </summary>
internal static class Dc09Content
{
    public static bool TryRead(ReadOnlySpan<byte> content, out string data, out IReadOnlyList<Dc09ExtendedField> extended, out DateTimeOffset? timestamp)
    {
        data = "";
        extended = [];
        timestamp = null;
        var close = content.IndexOf((byte)']');
        if (close < 0 || content[..close].Contains((byte)'['))
        {
            return false;
        }

        var dataBytes = content[..close];
        var rest = content[(close + 1)..];
        List<Dc09ExtendedField>? fields = null;
        while (rest.Length > 0 && rest[0] == '[')
        {
            var end = rest.IndexOf((byte)']');
            if (end < 2 || rest[1] is < (byte)'A' or > (byte)'Z' || rest[1..end].Contains((byte)'['))
            {
                return false;
            }

            (fields ??= []).Add(new Dc09ExtendedField((char)rest[1], Dc09Ascii.ToText(rest[2..end])));
            rest = rest[(end + 1)..];
        }

        if (rest.Length > 0)
        {
            if (!Dc09Timestamp.TryParse(rest, out var at))
            {
                return false;
            }

            timestamp = at;
        }

        data = Dc09Ascii.ToText(dataBytes);
        extended = fields is null ? [] : fields;
        return true;
    }

    /// <summary>
    /// Decrypted content: <c>pad|body]…</c>. DC-09 lets the pad be any byte but <c>|</c>, <c>[</c> and
    /// <c>]</c>; everything after the first <c>|</c> must be printable and in shape. DC-09 has no MAC,
    /// so this shape is the only sign of a wrong key; random plaintext almost never has it.
    /// </summary>
    public static bool TryReadDecrypted(ReadOnlySpan<byte> plaintext, string account, out string data, out IReadOnlyList<Dc09ExtendedField> extended, out DateTimeOffset? timestamp)
    {
        data = "";
        extended = [];
        timestamp = null;
        var bar = plaintext.IndexOf((byte)'|');
        if (bar < 0 || plaintext[..bar].IndexOfAny((byte)'[', (byte)']') >= 0)
        {
            return false;
        }

        var rest = plaintext[(bar + 1)..];
        if (rest.IndexOfAnyExceptInRange((byte)0x20, (byte)0x7E) >= 0 || !TryRead(rest, out var body, out extended, out timestamp))
        {
            return false;
        }

        data = Dc09EncryptedData.FromBody(body, account);
        return true;
    }
}
