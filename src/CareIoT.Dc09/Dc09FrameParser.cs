using System.Security.Cryptography;

namespace CareIoT.Dc09;

/// <summary>
/// Reads one complete DC-09 frame, LF through CR, as <see cref="Dc09StreamSplitter"/> hands it over.
/// Never throws on any input: every byte sequence ends in a <see cref="Dc09ParseResult"/>. Checks run
/// in the order that decides the answer: size, framing, CRC, length, then syntax, then the key. So a
/// frame damaged in transit is reported as damaged (and the receiver stays silent, letting the panel
/// repeat it) rather than as nonsense (which would draw a DUH). The key lookup is called only for
/// encrypted frames, with the account from the clear header; it returns null for an account without a key.
/// Safe to share between connections.
/// </summary>
public sealed class Dc09FrameParser
{
    /// <summary>A generous bound: a DC-09 event with extended data and encryption stays well under 1 KiB.</summary>
    public const int DefaultMaxFrameBytes = 1024;

    // LF, four CRC digits and four length digits come before the span the CRC covers.
    private const int CoveredStart = 9;

    public Dc09FrameParser(int maxFrameBytes = DefaultMaxFrameBytes)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxFrameBytes, CoveredStart + 2);
        MaxFrameBytes = maxFrameBytes;
    }

    public int MaxFrameBytes { get; }

    public Dc09ParseResult Parse(ReadOnlySpan<byte> frame, Func<string, Dc09AccountKey?> keyLookup)
    {
        ArgumentNullException.ThrowIfNull(keyLookup);
        if (frame.Length > MaxFrameBytes)
        {
            return Dc09ParseResult.Fail(Dc09ParseStatus.Oversize);
        }

        if (frame.Length > 0 && frame[0] != Dc09Ascii.LineFeed)
        {
            return Dc09ParseResult.Fail(Dc09ParseStatus.Garbage);
        }

        if (frame.Length < CoveredStart + 2 || frame[^1] != Dc09Ascii.CarriageReturn)
        {
            return Dc09ParseResult.Fail(Dc09ParseStatus.Truncated);
        }

        var covered = frame[CoveredStart..^1];
        if (!Dc09Ascii.TryParseHex(frame.Slice(1, 4), out var crc) || !Dc09Ascii.TryParseHex(frame.Slice(5, 4), out var length))
        {
            return Dc09ParseResult.Fail(Dc09ParseStatus.Garbage);
        }

        if (Crc16Arc.Compute(covered) != crc)
        {
            return Dc09ParseResult.Fail(Dc09ParseStatus.BadCrc);
        }

        if (length != covered.Length)
        {
            return Dc09ParseResult.Fail(Dc09ParseStatus.BadLength);
        }

        return covered.IndexOfAnyExceptInRange((byte)0x20, (byte)0x7E) >= 0
            ? Dc09ParseResult.Fail(Dc09ParseStatus.Garbage)
            : ParseCovered(covered, keyLookup);
    }

    private static Dc09ParseResult ParseCovered(ReadOnlySpan<byte> covered, Func<string, Dc09AccountKey?> keyLookup)
    {
        var idLength = covered[0] == '"' ? covered[1..].IndexOf((byte)'"') : -1;
        if (idLength < 1)
        {
            return Dc09ParseResult.Fail(Dc09ParseStatus.Garbage);
        }

        var id = covered.Slice(1, idLength);
        var encrypted = id[0] == '*';
        Dc09Token? token = Dc09TokenText.TryParse(encrypted ? id[1..] : id, out var known) && (!encrypted || Dc09TokenText.MayBeEncrypted(known))
            ? known
            : null;
        var rest = covered[(idLength + 2)..];
        if (rest.Length < 4 || !Dc09Ascii.TryParseDecimal(rest[..4], out var sequence)
            || !Dc09Routing.TryRead(rest[4..], token, out var receiver, out var prefix, out var account, out var consumed))
        {
            return Dc09ParseResult.Fail(Dc09ParseStatus.Garbage);
        }

        rest = rest[(4 + consumed)..];
        if (rest.Length == 0 || rest[0] != '[')
        {
            return Dc09ParseResult.Fail(Dc09ParseStatus.Garbage);
        }

        var header = new Dc09Header(Dc09Ascii.ToText(id), token, encrypted, sequence, receiver, prefix, account);
        if (token is not { } tokenValue)
        {
            return Dc09ParseResult.Fail(Dc09ParseStatus.UnknownToken, header);
        }

        if (encrypted)
        {
            return ParseEncrypted(rest[1..], header, tokenValue, keyLookup);
        }

        return Dc09Content.TryRead(rest[1..], out var data, out var extended, out var timestamp)
            ? Dc09ParseResult.Ok(new Dc09Frame(tokenValue, false, sequence, receiver, prefix, account, data, extended, timestamp), null)
            : Dc09ParseResult.Fail(Dc09ParseStatus.Garbage);
    }

    /// <summary>Everything after the clear <c>[</c> is the ciphertext in hex, whole AES blocks.</summary>
    private static Dc09ParseResult ParseEncrypted(ReadOnlySpan<byte> hex, Dc09Header header, Dc09Token token, Func<string, Dc09AccountKey?> keyLookup)
    {
        if (hex.Length == 0 || hex.Length % 32 != 0)
        {
            return Dc09ParseResult.Fail(Dc09ParseStatus.Garbage);
        }

        Span<byte> ciphertext = hex.Length <= 1024 ? stackalloc byte[hex.Length / 2] : new byte[hex.Length / 2];
        if (!Dc09Ascii.TryDecodeHex(hex, ciphertext))
        {
            return Dc09ParseResult.Fail(Dc09ParseStatus.Garbage);
        }

        if (keyLookup(header.Account) is not { } key)
        {
            return Dc09ParseResult.Fail(Dc09ParseStatus.NoKey, header);
        }

        Span<byte> plaintext = ciphertext.Length <= 512 ? stackalloc byte[ciphertext.Length] : new byte[ciphertext.Length];
        try
        {
            key.Decrypt(ciphertext, plaintext);
        }
        catch (CryptographicException)
        {
            return Dc09ParseResult.Fail(Dc09ParseStatus.DecryptFailed, header);
        }

        if (!Dc09Content.TryReadDecrypted(plaintext, header.Account, out var data, out var extended, out var timestamp))
        {
            return Dc09ParseResult.Fail(Dc09ParseStatus.DecryptFailed, header);
        }

        var frame = new Dc09Frame(token, true, header.Sequence, header.Receiver, header.LinePrefix, header.Account, data, extended, timestamp);
        return Dc09ParseResult.Ok(frame, key);
    }
}
