using CsCheck;

namespace CareIoT.Dc09.Tests;

/// <summary>
/// The parser's promise is that it never throws and never accepts a frame its CRC does not vouch for.
/// Every key lookup answers with a key, so mutated encrypted frames reach decryption too; whatever parses
/// is then answered and interpreted, which must not throw either.
/// </summary>
public sealed class ParserFuzzTests
{
    private static readonly Dc09FrameParser Parser = new();
    private static readonly Dc09FrameEncoder Encoder = new();
    private static readonly Dc09Responder Responder = new(WireFrames.Clock(), Encoder, _ => true);

    [Fact]
    public void RandomBytesNeverThrowAndAreNeverOkWithoutAMatchingCrc() =>
        Gen.Byte.Array[0, 300].Sample(bytes => AssertSafe(bytes, FrameGenerators.Keys[0]), iter: 20_000);

    [Fact]
    public void RandomBodiesWithAValidCrcNeverThrow() =>
        Gen.Select(Gen.OneOf("\"", "\"ADM-CID\"0001", "\"SIA-DCS\"0001L0#1234[", "\"*SIA-DCS\"0001R1L1#1234[", "\"NAK\"0000R0L0A0["),
                Gen.String[Gen.Char[' ', '~'], 0, 120], Gen.Int[0, FrameGenerators.Keys.Length - 1])
            .Sample((prefix, rest, key) => AssertSafe(ReferenceCrc.Frame(prefix + rest), FrameGenerators.Keys[key]), iter: 20_000);

    [Fact]
    public void MutatedValidFramesNeverThrowAndAreNeverOkOnceTheirCrcNoLongerMatches() =>
        Gen.Select(FrameGenerators.Frames, Gen.Select(Gen.Int[0, 3], Gen.Int[0, 4096], Gen.Byte).Array[1, 4]).Sample((sample, edits) =>
        {
            var mutated = Mutate(Encoder.Encode(sample.Frame, sample.Key), edits);
            AssertSafe(mutated, sample.Key ?? FrameGenerators.Keys[0]);
        }, iter: 10_000);

    private static void AssertSafe(byte[] bytes, Dc09AccountKey key)
    {
        var result = Parser.Parse(bytes, _ => key);
        if (result.Status == Dc09ParseStatus.Ok)
        {
            Assert.True(ReferenceCrc.CrcMatches(bytes), $"accepted without a matching CRC: {Convert.ToHexString(bytes)}");
            PanelEventMap.Default.Interpret(result.Frame!);
        }

        Responder.Decide(result);
        new Dc09StreamSplitter(64).Push(bytes);
    }

    /// <summary>Flip a bit, insert a byte, delete a byte, or cut the frame short.</summary>
    private static byte[] Mutate(byte[] original, (int Kind, int Position, byte Value)[] edits)
    {
        var bytes = new List<byte>(original);
        foreach (var (kind, position, value) in edits)
        {
            var at = position % (bytes.Count + 1);
            switch (kind)
            {
                case 0 when at < bytes.Count:
                    bytes[at] ^= (byte)(1 << (value % 8));
                    break;
                case 1:
                    bytes.Insert(at, value);
                    break;
                case 2 when at < bytes.Count:
                    bytes.RemoveAt(at);
                    break;
                case 3:
                    bytes.RemoveRange(at, bytes.Count - at);
                    break;
            }
        }

        return [.. bytes];
    }
}
