namespace CareIoT.Dc09.Tests;

/// <summary>What the receiver answers, checked on the bytes it would send.</summary>
public sealed class ResponderTests
{
    private static readonly Dc09FrameParser Parser = new();
    private static readonly Dc09FrameEncoder Encoder = new(WireFrames.FixedPad);
    private static readonly Dc09AccountKey Key = Dc09AccountKey.FromHex(WireFrames.Hex128);
    private static readonly Func<string, Dc09AccountKey?> Keys = account => account == "1234" ? Key : null;

    private readonly Dc09Responder responder = new(WireFrames.Clock(), Encoder, account => account == "1234");

    [Fact]
    public void IntactPlainMessageIsAcknowledgedWithItsRoutingEchoedAndNoTimestamp()
    {
        var reply = Answer(WireFrames.ContactIdFire);

        Assert.True(reply.Accepted);
        Assert.Equal(WireFrames.AckForContactIdFire, WireFrames.Text(reply.Bytes!));
    }

    [Fact]
    public void EncryptedMessageIsAcknowledgedEncryptedUnderTheSameKeyWithTheReceiversTime()
    {
        var reply = Answer(WireFrames.EncryptedContactId128);

        Assert.Equal(Dc09ReplyKind.Ack, reply.Kind);
        Assert.Equal(WireFrames.EncryptedAck128, WireFrames.Text(reply.Bytes!));
        Assert.Equal(new Dc09Frame(Dc09Token.Ack, true, 4, "1", "1", "1234", "", [], WireFrames.Now), Parser.Parse(reply.Bytes!, Keys).Frame);
    }

    [Theory]
    [InlineData(-41)]
    [InlineData(21)]
    public void EncryptedMessageOutsideTheTimeWindowGetsTheSpecNakWithTheReceiversTime(int offsetSeconds)
    {
        var reply = Answer(EncryptedAt(WireFrames.Now.AddSeconds(offsetSeconds)));

        Assert.Equal(Dc09ReplyKind.Nak, reply.Kind);
        Assert.Equal(WireFrames.NakAtNow, WireFrames.Text(reply.Bytes!));
    }

    [Theory]
    [InlineData(-40)]
    [InlineData(-39)]
    [InlineData(19)]
    [InlineData(20)]
    public void EncryptedMessageInsideTheTimeWindowIsAcknowledged(int offsetSeconds) =>
        Assert.Equal(Dc09ReplyKind.Ack, Answer(EncryptedAt(WireFrames.Now.AddSeconds(offsetSeconds))).Kind);

    [Fact]
    public void EncryptedMessageWithoutTimestampGetsANak() => Assert.Equal(Dc09ReplyKind.Nak, Answer(EncryptedAt(null)).Kind);

    [Fact]
    public void PlainMessageWithAStaleTimestampIsStillAcknowledgedBecauseOnlyEncryptionGuardsAgainstReplay()
    {
        var stale = ReferenceCrc.Frame("\"ADM-CID\"0001R1L1#1234[#1234|1110 01 015]_12:00:00,11-26-2026");

        Assert.Equal(Dc09ReplyKind.Ack, responder.Decide(Parser.Parse(stale, Keys)).Kind);
    }

    [Fact]
    public void WindowIsConfigurable()
    {
        var lenient = new Dc09Responder(WireFrames.Clock(), Encoder, _ => true, new Dc09TimeWindow(TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(1)));

        Assert.Equal(Dc09ReplyKind.Ack, lenient.Decide(Parser.Parse(EncryptedAt(WireFrames.Now.AddMinutes(-4)), Keys)).Kind);
    }

    [Fact]
    public void CorruptedFramesGetNoReply()
    {
        var badCrc = WireFrames.Bytes(WireFrames.ContactIdFire);
        badCrc[^10] ^= 0x01;
        var badLength = WireFrames.Bytes(WireFrames.ContactIdFire.Replace("003D", "003C", StringComparison.Ordinal));

        Assert.Same(Dc09Reply.None, responder.Decide(Parser.Parse(badCrc, Keys)));
        Assert.Same(Dc09Reply.None, responder.Decide(Parser.Parse(badLength, Keys)));
        Assert.Same(Dc09Reply.None, responder.Decide(Parser.Parse(WireFrames.Bytes("\nnot a frame\r"), Keys)));
        Assert.Same(Dc09Reply.None, responder.Decide(Parser.Parse(WireFrames.Bytes(WireFrames.ContactIdFire)[..^1], Keys)));
    }

    [Fact]
    public void UnknownAccountGetsADuhEchoingItsRouting()
    {
        var reply = new Dc09Responder(WireFrames.Clock(), Encoder, _ => false).Decide(Parser.Parse(WireFrames.Bytes(WireFrames.ContactIdFire), Keys));

        Assert.Equal(WireFrames.DuhForContactIdFire, WireFrames.Text(reply.Bytes!));
    }

    [Fact]
    public void WrongKeyGetsADuhInClear()
    {
        var wrong = Parser.Parse(WireFrames.Bytes(WireFrames.EncryptedContactId128), _ => Dc09AccountKey.FromHex(WireFrames.Hex256));

        Assert.Equal(Dc09ParseStatus.DecryptFailed, wrong.Status);
        Assert.Equal(new Dc09Frame(Dc09Token.Duh, false, 4, "1", "1", "1234", "", [], null), responder.Decide(wrong).Frame);
    }

    [Theory]
    [InlineData("\"SIA-XYZ\"0001R1L1#1234[#1234|Nri1/FA23]")] // unknown token
    [InlineData("\"ADM-CID\"0001R1L1#1234[#1234|9110 01 015]")] // no such qualifier
    [InlineData("\"SIA-DCS\"0001R1L1#1234[#1234|hello]")] // no SIA block
    [InlineData("\"*SIA-DCS\"0001R1L1#5678[00112233445566778899AABBCCDDEEFF")] // no key for the account
    public void WellFormedMessageTheReceiverCannotProcessGetsADuh(string body) =>
        Assert.Equal(Dc09ReplyKind.Duh, responder.Decide(Parser.Parse(ReferenceCrc.Frame(body), Keys)).Kind);

    [Theory]
    [InlineData(WireFrames.AckForContactIdFire)]
    [InlineData(WireFrames.NakAtNow)]
    [InlineData(WireFrames.DuhForContactIdFire)]
    public void AnswersArrivingAtTheReceiverAreNotAnswered(string wire) =>
        Assert.Same(Dc09Reply.None, responder.Decide(Parser.Parse(WireFrames.Bytes(wire), Keys)));

    private Dc09Reply Answer(string wire) => Answer(WireFrames.Bytes(wire));

    private Dc09Reply Answer(byte[] frame) => responder.Decide(Parser.Parse(frame, Keys));

    private static byte[] EncryptedAt(DateTimeOffset? timestamp) =>
        Encoder.Encode(new Dc09Frame(Dc09Token.AdmCid, true, 8, "1", "1", "1234", "#1234|1101 01 003", [], timestamp), Key);
}
