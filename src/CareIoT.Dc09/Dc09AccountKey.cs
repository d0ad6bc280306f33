using System.Security.Cryptography;

namespace CareIoT.Dc09;

/// <summary>
/// One account's AES key, 128, 192 or 256 bits. Installers enter DC-09 keys either as hex (32, 48 or
/// 64 hex digits) or as text (16, 24 or 32 ASCII characters used byte for byte); the account's
/// configuration must say which, since a 32-character text key could also pass for hex. DC-09 uses
/// AES-CBC with a zero IV and no cipher padding (its own pad field fills the blocks). Safe to share
/// between connections. <see cref="ToString"/> never shows the key.
/// </summary>
public sealed class Dc09AccountKey
{
    private static readonly byte[] ZeroIv = new byte[16];
    private readonly Aes aes;

    private Dc09AccountKey(byte[] key)
    {
        aes = Aes.Create();
        aes.Key = key;
        KeyBits = key.Length * 8;
    }

    public int KeyBits { get; }

    /// <summary>A key written as 32, 48 or 64 hex digits (either case).</summary>
    public static Dc09AccountKey FromHex(string hex)
    {
        ArgumentNullException.ThrowIfNull(hex);
        if (hex.Length is not (32 or 48 or 64) || !hex.All(Uri.IsHexDigit))
        {
            throw new ArgumentException($"A hex DC-09 key is 32, 48 or 64 hex digits (AES-128/192/256); this one has {hex.Length} characters or a non-hex one.", nameof(hex));
        }

        return new Dc09AccountKey(Convert.FromHexString(hex));
    }

    /// <summary>A key written as 16, 24 or 32 printable ASCII characters, each one byte of the key.</summary>
    public static Dc09AccountKey FromText(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length is not (16 or 24 or 32) || !Dc09Ascii.IsPrintable(text))
        {
            throw new ArgumentException($"A text DC-09 key is 16, 24 or 32 printable ASCII characters (AES-128/192/256); this one has {text.Length} characters or a non-ASCII one.", nameof(text));
        }

        return new Dc09AccountKey(System.Text.Encoding.ASCII.GetBytes(text));
    }

    /// <summary>A key as an account's configuration holds it: the string and whether it is hex-encoded.</summary>
    public static Dc09AccountKey FromConfigured(string configured, bool isHex) => isHex ? FromHex(configured) : FromText(configured);

    public override string ToString() => $"AES-{KeyBits} key";

    /// <summary>Whole 16-byte blocks only; the caller checks the length first.</summary>
    internal void Decrypt(ReadOnlySpan<byte> ciphertext, Span<byte> plaintext)
    {
        // One Aes instance per key keeps the key schedule; the one-shot calls are not documented as
        // thread-safe, and several connections may use the same account's key at once.
        lock (aes)
        {
            aes.DecryptCbc(ciphertext, ZeroIv, plaintext, PaddingMode.None);
        }
    }

    internal byte[] Encrypt(ReadOnlySpan<byte> plaintext)
    {
        lock (aes)
        {
            return aes.EncryptCbc(plaintext, ZeroIv, PaddingMode.None);
        }
    }
}
