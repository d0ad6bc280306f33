namespace CareIoT.Dc09.Tests;

/// <summary>
/// An oracle kept apart from the code under test: CRC-16/ARC bit by bit, as the standard describes it,
/// and a frame built around a body with it. The literal vectors in <see cref="WireFrames"/> were worked
/// out the same way outside this code base.
/// </summary>
public static class ReferenceCrc
{
    public static ushort Compute(ReadOnlySpan<byte> bytes)
    {
        var crc = 0;
        foreach (var b in bytes)
        {
            crc ^= b;
            for (var bit = 0; bit < 8; bit++)
            {
                crc = (crc & 1) == 1 ? (crc >> 1) ^ 0xA001 : crc >> 1;
            }
        }

        return (ushort)crc;
    }

    /// <summary>LF, CRC, length, the body, CR.</summary>
    public static byte[] Frame(string body)
    {
        var covered = System.Text.Encoding.ASCII.GetBytes(body);
        return System.Text.Encoding.ASCII.GetBytes($"\n{Compute(covered):X4}{covered.Length:X4}{body}\r");
    }

    /// <summary>Whether the bytes are framed and their CRC field matches the bytes it covers (hex in either case).</summary>
    public static bool CrcMatches(byte[] frame) =>
        frame.Length >= 11 && frame[0] == '\n' && frame[^1] == '\r'
        && ushort.TryParse(System.Text.Encoding.ASCII.GetString(frame, 1, 4), System.Globalization.NumberStyles.AllowHexSpecifier, null, out var crc)
        && crc == Compute(frame.AsSpan(9, frame.Length - 10));
}
