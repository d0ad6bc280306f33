using CsCheck;

namespace CareIoT.Dc09.Tests;

/// <summary>Properties over generated frames: what the encoder writes, the parser reads back unchanged.</summary>
public sealed class RoundTripPropertyTests
{
    private static readonly Dc09FrameParser Parser = new();
    private static readonly Dc09FrameEncoder Encoder = new();

    [Fact]
    public void AnyValidFrameEncodesAndParsesBackToItself() =>
        FrameGenerators.Frames.Sample(sample =>
        {
            var result = Parser.Parse(Encoder.Encode(sample.Frame, sample.Key), _ => sample.Key);

            Assert.Equal(Dc09ParseStatus.Ok, result.Status);
            Assert.Equal(sample.Frame, result.Frame);
            Assert.Same(sample.Key, result.Key);
        }, iter: 3000, print: FrameGenerators.Print);

    [Fact]
    public void FramesCutIntoArbitraryReadsComeOutOfTheSplitterWhole() =>
        Gen.Select(FrameGenerators.Frames.Array[1, 5], Gen.Int[1, 64]).Sample((samples, chunk) =>
        {
            var frames = samples.Select(s => Encoder.Encode(s.Frame, s.Key)).ToArray();
            var stream = frames.SelectMany(f => f).ToArray();
            var splitter = new Dc09StreamSplitter();
            var received = new List<byte[]>();
            for (var at = 0; at < stream.Length; at += chunk)
            {
                received.AddRange(splitter.Push(stream.AsSpan(at, Math.Min(chunk, stream.Length - at))).Frames);
            }

            Assert.Equal(frames, received);
        }, iter: 500);
}
