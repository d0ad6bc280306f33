namespace CareIoT.Dc09;

/// <summary>The character classes DC-09's grammar is written in, on raw bytes.</summary>
internal static class Dc09Ascii
{
    public const byte LineFeed = 0x0A;
    public const byte CarriageReturn = 0x0D;

    public static bool IsPrintable(byte b) => b is >= 0x20 and <= 0x7E;

    public static bool IsDigit(byte b) => b is >= (byte)'0' and <= (byte)'9';

    /// <summary>DC-09 writes receiver, prefix and account numbers in uppercase hex.</summary>
    public static bool IsUpperHex(byte b) => IsDigit(b) || b is >= (byte)'A' and <= (byte)'F';

    public static bool IsUpperHex(string text) => text.Length > 0 && text.All(c => c < 0x80 && IsUpperHex((byte)c));

    public static bool IsPrintable(string text) => text.All(c => c < 0x80 && IsPrintable((byte)c));

    /// <summary>Reads exactly <paramref name="text"/>.Length hex digits (either case) as a number.</summary>
    public static bool TryParseHex(ReadOnlySpan<byte> text, out int value)
    {
        value = 0;
        foreach (var b in text)
        {
            int digit = b switch
            {
                >= (byte)'0' and <= (byte)'9' => b - '0',
                >= (byte)'A' and <= (byte)'F' => b - 'A' + 10,
                >= (byte)'a' and <= (byte)'f' => b - 'a' + 10,
                _ => -1,
            };
            if (digit < 0)
            {
                return false;
            }

            value = (value << 4) | digit;
        }

        return text.Length > 0;
    }

    /// <summary>Hex text (either case) into <paramref name="bytes"/>, which is half its length.</summary>
    public static bool TryDecodeHex(ReadOnlySpan<byte> hex, Span<byte> bytes)
    {
        for (var i = 0; i < bytes.Length; i++)
        {
            if (!TryParseHex(hex.Slice(2 * i, 2), out var value))
            {
                return false;
            }

            bytes[i] = (byte)value;
        }

        return true;
    }

    public static bool TryParseDecimal(ReadOnlySpan<byte> text, out int value)
    {
        value = 0;
        foreach (var b in text)
        {
            if (!IsDigit(b))
            {
                return false;
            }

            value = (value * 10) + (b - '0');
        }

        return text.Length > 0;
    }

    public static bool Equals(ReadOnlySpan<byte> bytes, string text)
    {
        if (bytes.Length != text.Length)
        {
            return false;
        }

        for (var i = 0; i < bytes.Length; i++)
        {
            if (bytes[i] != text[i])
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Only called on bytes already checked to be printable ASCII.</summary>
    public static string ToText(ReadOnlySpan<byte> bytes) => System.Text.Encoding.ASCII.GetString(bytes);
}
