namespace CareIoT.Dc09;

/// <summary>
/// Cuts the byte stream of one TCP connection into DC-09 frames, LF through CR. TCP keeps no message
/// boundaries: one read may hold two frames, or half of one. Bytes before an LF are line noise and are
/// dropped; an LF in the middle of a frame means the frame before it was cut short, so that part is
/// dropped and the new frame starts. Memory is bounded: a partial frame that grows past the maximum is
/// dropped and counted as an overflow, and the rest of it is skipped up to the next LF. One splitter
/// per connection; not thread-safe.
/// </summary>
public sealed class Dc09StreamSplitter
{
    private readonly byte[] partial;
    private int count;

    public Dc09StreamSplitter(int maxFrameBytes = Dc09FrameParser.DefaultMaxFrameBytes)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxFrameBytes, 2);
        partial = new byte[maxFrameBytes];
    }

    /// <summary>Bytes of a frame begun but not yet ended by CR.</summary>
    public int Pending => count;

    public Dc09Split Push(ReadOnlySpan<byte> received)
    {
        List<byte[]>? frames = null;
        int overflows = 0, discarded = 0;
        foreach (var b in received)
        {
            if (b == Dc09Ascii.LineFeed)
            {
                discarded += count;
                partial[0] = b;
                count = 1;
            }
            else if (count == 0)
            {
                discarded++;
            }
            else if (count == partial.Length)
            {
                overflows++;
                discarded += count + 1;
                count = 0;
            }
            else
            {
                partial[count++] = b;
                if (b == Dc09Ascii.CarriageReturn)
                {
                    (frames ??= []).Add(partial[..count]);
                    count = 0;
                }
            }
        }

        return new Dc09Split(frames is null ? [] : frames, overflows, discarded);
    }
}
