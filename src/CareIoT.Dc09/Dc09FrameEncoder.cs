using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace CareIoT.Dc09;

/// <summary>
/// Builds the bytes of any DC-09 frame, LF through CR, with its CRC and length: the receiver's ACK,
/// NAK and DUH, and panel messages for simulators and tests. An encrypted frame needs its account's
/// key; the pad comes from <c>padSource</c> (given a count, it returns that many ASCII characters
/// without <c>|</c>, <c>[</c> or <c>]</c>), random by default and fixed in tests. A frame DC-09 cannot
/// carry (a field outside its grammar, brackets in data, encrypted data without an account block)
/// throws <see cref="ArgumentException"/>: that is a bug in the caller, not input. Safe to share.
/// </summary>
public sealed class Dc09FrameEncoder(Func<int, string>? padSource = null)
{
    private static readonly string PadAlphabet = new([.. Enumerable.Range(0x21, 0x7E - 0x20).Select(c => (char)c).Where(c => c is not ('|' or '[' or ']'))]);

    private readonly Func<int, string> padSource = padSource ?? (count => RandomNumberGenerator.GetString(PadAlphabet, count));

    public byte[] Encode(Dc09Frame frame, Dc09AccountKey? key = null)
    {
        ArgumentNullException.ThrowIfNull(frame);
        Dc09FrameRules.Check(frame);
        var text = new StringBuilder(160);
        text.Append('"').Append(frame.Encrypted ? "*" : "").Append(Dc09TokenText.Of(frame.Token)).Append('"')
            .Append(frame.Sequence.ToString("D4", CultureInfo.InvariantCulture));
        if (frame.Receiver is { } receiver)
        {
            text.Append('R').Append(receiver);
        }

        if (frame.LinePrefix is { } prefix)
        {
            text.Append('L').Append(prefix);
        }

        text.Append(frame.IsSpecNak ? 'A' : '#').Append(frame.Account).Append('[');
        var tail = new StringBuilder();
        foreach (var field in frame.Extended)
        {
            tail.Append('[').Append(field.Letter).Append(field.Value).Append(']');
        }

        if (frame.Timestamp is { } at)
        {
            tail.Append(Dc09Timestamp.Format(at));
        }

        if (frame.Encrypted)
        {
            text.Append(Encrypt(frame, key ?? throw new ArgumentNullException(nameof(key), "An encrypted frame needs its account's key."), tail.ToString()));
        }
        else
        {
            text.Append(frame.Data).Append(']').Append(tail);
        }

        return Wrap(Encoding.ASCII.GetBytes(text.ToString()));
    }

    /// <summary>The hex ciphertext of <c>pad|body][x…]timestamp</c> (see <see cref="Dc09EncryptedData"/>).</summary>
    private string Encrypt(Dc09Frame frame, Dc09AccountKey key, string tail)
    {
        if (!Dc09EncryptedData.TryToBody(frame, out var body))
        {
            throw new ArgumentException($"An encrypted frame's data must be empty or begin with an account block '#{frame.Account}|', which DC-09 replaces by the pad.", nameof(frame));
        }

        var rest = $"|{body}]{tail}";
        // DC-09: the encrypted area fills whole 16-byte blocks, and a rest that already does gets a full block of pad.
        var padLength = 16 - (rest.Length % 16);
        var pad = padSource(padLength);
        if (pad.Length != padLength || pad.Any(c => c > 0x7F || c is '|' or '[' or ']'))
        {
            throw new InvalidOperationException($"The pad source must return {padLength} ASCII characters without '|', '[' or ']'.");
        }

        return Convert.ToHexString(key.Encrypt(Encoding.ASCII.GetBytes(pad + rest)));
    }

    private static byte[] Wrap(byte[] covered)
    {
        // The length field is "0LLL": three hex digits after a zero.
        if (covered.Length > 0xFFF)
        {
            throw new ArgumentException($"The frame would be {covered.Length} bytes long; DC-09's length field holds at most 4095.");
        }

        var frame = new byte[covered.Length + 10];
        frame[0] = Dc09Ascii.LineFeed;
        var header = $"{Crc16Arc.Compute(covered):X4}{covered.Length:X4}";
        Encoding.ASCII.GetBytes(header, frame.AsSpan(1, 8));
        covered.CopyTo(frame.AsSpan(9));
        frame[^1] = Dc09Ascii.CarriageReturn;
        return frame;
    }
}
