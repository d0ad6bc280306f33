using System.Diagnostics;

namespace CareIoT.Dc09.Benchmarks;

/// <summary>
/// Frames per second on one thread, best of several passes over the same pre-built frames, so the
/// figure is the parser's and not the allocator's warm-up. Checks every frame parsed.
/// </summary>
internal static class ParseBenchmark
{
    private const int Passes = 5;

    public static double Parse(Dc09FrameParser parser, byte[][] frames)
    {
        Func<string, Dc09AccountKey?> keys = _ => BenchFrames.Key;
        return Best(frames, frame => parser.Parse(frame, keys).Status == Dc09ParseStatus.Ok ? 1 : 0);
    }

    /// <summary>The floor: what any parser must do at least, the CRC over the same span checked against the header.</summary>
    public static double CrcOnly(byte[][] frames) =>
        Best(frames, frame => Crc16Arc.Compute(frame.AsSpan(9, frame.Length - 10)) == HeaderCrc(frame) ? 1 : 0);

    private static int HeaderCrc(byte[] frame)
    {
        var crc = 0;
        for (var i = 1; i <= 4; i++)
        {
            crc = (crc << 4) | (frame[i] <= '9' ? frame[i] - '0' : frame[i] - 'A' + 10);
        }

        return crc;
    }

    private static double Best(byte[][] frames, Func<byte[], int> work)
    {
        var best = 0.0;
        for (var pass = 0; pass <= Passes; pass++)
        {
            var ok = 0;
            var clock = Stopwatch.StartNew();
            foreach (var frame in frames)
            {
                ok += work(frame);
            }

            var rate = frames.Length / clock.Elapsed.TotalSeconds;
            if (ok != frames.Length)
            {
                throw new InvalidOperationException($"Only {ok} of {frames.Length} frames parsed.");
            }

            // Pass 0 warms the JIT up and does not count.
            best = pass == 0 ? 0 : Math.Max(best, rate);
        }

        return best;
    }
}
