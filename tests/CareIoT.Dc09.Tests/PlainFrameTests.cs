namespace CareIoT.Dc09.Tests;

/// <summary>Unencrypted frames from the literal vectors: they parse to the right fields and encode back byte for byte.</summary>
public sealed class PlainFrameTests
{
    private static readonly Dc09FrameParser Parser = new();
    private static readonly Dc09FrameEncoder Encoder = new(WireFrames.FixedPad);

    [Fact]
    public void ContactIdFireFrameWithCorrectCrcParses()
    {
        var result = Parse(WireFrames.ContactIdFire);

        Assert.Equal(Dc09ParseStatus.Ok, result.Status);
        Assert.Equal(
            new Dc09Frame(Dc09Token.AdmCid, false, 1, "1", "1", "1234", "#1234|1110 01 015", [], WireFrames.Now),
            result.Frame);
        Assert.True(ContactIdEvent.TryParse(result.Frame!.Data, out var cid));
        Assert.Equal(new ContactIdEvent(1, 110, 1, 15), cid);
    }

    [Fact]
    public void SiaFrameWithExtendedLocationFieldsParsesAndKeepsTheFieldsInOrder()
    {
        var frame = Parse(WireFrames.SiaFireWithLocation).Frame!;

        Assert.Equal((Dc09Token.SiaDcs, 2, (string?)null, "0", "#1234|Nri1/FA23"), (frame.Token, frame.Sequence, frame.Receiver, frame.LinePrefix, frame.Data));
        Assert.Equal([new Dc09ExtendedField('X', "0E11.5"), new Dc09ExtendedField('Y', "0N48.2")], frame.Extended);
        Assert.True(SiaEvent.TryParseAll(frame.Data, out var events));
        Assert.Equal([new SiaEvent("FA", 23, 1)], events);
    }

    [Fact]
    public void NullLinkTestWithoutTimestampParses()
    {
        var frame = Parse(WireFrames.NullLinkTest).Frame!;

        Assert.Equal(new Dc09Frame(Dc09Token.Null, false, 3, "1", "1", "1234", "", [], null), frame);
    }

    [Theory]
    [InlineData(WireFrames.ContactIdFire)]
    [InlineData(WireFrames.SiaFireWithLocation)]
    [InlineData(WireFrames.NullLinkTest)]
    [InlineData(WireFrames.AckForContactIdFire)]
    [InlineData(WireFrames.NakAtNow)]
    public void EncodingTheParsedFrameGivesBackTheSameBytes(string wire) =>
        Assert.Equal(wire, WireFrames.Text(Encoder.Encode(Parse(wire).Frame!)));

    [Fact]
    public void SpecNakParsesWithItsFixedFieldsAndTheReceiversTime() =>
        Assert.Equal(Dc09Frame.Nak(WireFrames.Now), Parse(WireFrames.NakAtNow).Frame);

    [Fact]
    public void VectorsCarryTheCrcAndLengthOfTheBitwiseReference()
    {
        foreach (var wire in new[] { WireFrames.ContactIdFire, WireFrames.SiaFireWithLocation, WireFrames.NullLinkTest, WireFrames.NakAtNow })
        {
            Assert.Equal(wire, WireFrames.Text(ReferenceCrc.Frame(wire[9..^1])));
        }
    }

    [Fact]
    public void EncoderRefusesAFrameDc09CannotCarry()
    {
        var frame = new Dc09Frame(Dc09Token.AdmCid, false, 1, null, null, "1234", "#1234|1110 01 015", [], null);

        Assert.Throws<ArgumentException>(() => Encoder.Encode(frame with { Sequence = 10000 }));
        Assert.Throws<ArgumentException>(() => Encoder.Encode(frame with { Account = "12" }));
        Assert.Throws<ArgumentException>(() => Encoder.Encode(frame with { Receiver = "r1" }));
        Assert.Throws<ArgumentException>(() => Encoder.Encode(frame with { Data = "#1234|[x]" }));
        Assert.Throws<ArgumentException>(() => Encoder.Encode(frame with { Extended = [new Dc09ExtendedField('x', "1")] }));
        Assert.Throws<ArgumentNullException>(() => Encoder.Encode(frame with { Encrypted = true }));
    }

    private static Dc09ParseResult Parse(string wire) => Parser.Parse(WireFrames.Bytes(wire), _ => null);
}
