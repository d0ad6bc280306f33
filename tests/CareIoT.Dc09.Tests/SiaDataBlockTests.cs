namespace CareIoT.Dc09.Tests;

/// <summary>
/// SIA-DCS data as SIA DC-03/DC-07 blocks inside DC-09: ASCII text, several events, modifiers, time and
/// date, an empty data block. Frames from public receiver libraries are used literally; each says where it
/// came from. A well-formed message is acknowledged whatever its codes; only what cannot be read gets a DUH.
/// </summary>
public sealed class SiaDataBlockTests
{
    /// <summary>
    /// pysiaalarm (eavanvalkenburg/pysiaalarm), tests/test_sia_package_cases.py, case_bug ("test case from #11"):
    /// a captured closing report with a text block. The published line has the run of spaces in the text
    /// collapsed; its own CRC 9618 and length 004D hold only with the text padded to 16 characters, as here.
    /// </summary>
    public const string PysiaalarmClosingWithText = "\n9618004D\"SIA-DCS\"7960L0#123456[#123456|Nri1CL0^VX FRONTE       ^]_22:40:48,04-11-2021\r";

    /// <summary>pysiaalarm, same file, case_bug2 ("test case from SIA #42"): a heat restoral with text, spaces restored by its CRC 5670 and length 004D.</summary>
    public const string PysiaalarmHeatRestoralWithText = "\n5670004D\"SIA-DCS\"8070L0#123456[#123456|Nri0KR1^TAST.  001      ^]_13:49:12,04-13-2021\r";

    /// <summary>
    /// ioBroker.sia (schmupu/ioBroker.sia), test/siaCommand, verbatim with the closing CR the file leaves out:
    /// area, peripheral, date and time modifiers written without separators, an event code the centre does
    /// not map (UT) and a text block with commas and a dollar sign. CRC and length as published.
    /// </summary>
    public const string IoBrokerUntypedZoneWithModifiersAndText =
        "\nD3A10095\"SIA-DCS\"0005L0#12345[#12345|Nri0000pi0006da10-25-18ti14:37:53UT0000^$PR,SCOMPARSA          ,Centrale,Zona1,ROtTe.6MyLittlPoint^]_12:37:53,10-25-2018\r";

    private static readonly Dc09FrameParser Parser = new();
    private static readonly Dc09Responder Responder = new(WireFrames.Clock(), new Dc09FrameEncoder(WireFrames.FixedPad), _ => true);

    [Theory]
    [InlineData(PysiaalarmClosingWithText, "\"ACK\"7960L0#123456[]")]
    [InlineData(PysiaalarmHeatRestoralWithText, "\"ACK\"8070L0#123456[]")]
    [InlineData(IoBrokerUntypedZoneWithModifiersAndText, "\"ACK\"0005L0#12345[]")]
    public void CapturedFramesWithTextBlocksAreAcknowledged(string wire, string ack)
    {
        var reply = Responder.Decide(Parser.Parse(WireFrames.Bytes(wire), _ => null));

        Assert.Equal(Dc09ReplyKind.Ack, reply.Kind);
        Assert.Equal(WireFrames.Text(ReferenceCrc.Frame(ack)), WireFrames.Text(reply.Bytes!));
    }

    [Fact]
    public void TextBlockBelongsToTheEventBeforeItAndKeepsItsPadding()
    {
        Assert.True(SiaEvent.TryParseAll(Data(PysiaalarmClosingWithText), out var closing));
        Assert.True(SiaEvent.TryParseAll(Data(PysiaalarmHeatRestoralWithText), out var heat));

        Assert.Equal(new SiaEvent("CL", 0, 1, Text: "VX FRONTE       "), Assert.Single(closing));
        Assert.Equal(new SiaEvent("KR", 1, 0, Text: "TAST.  001      "), Assert.Single(heat));
    }

    [Fact]
    public void ModifiersWithoutSeparatorsGiveAreaPeripheralDateAndTime()
    {
        Assert.True(SiaEvent.TryParseAll(Data(IoBrokerUntypedZoneWithModifiersAndText), out var events));

        Assert.Equal(
            new SiaEvent("UT", 0, 0, Peripheral: 6, Time: new TimeOnly(14, 37, 53), Date: new DateOnly(2018, 10, 25),
                Text: "$PR,SCOMPARSA          ,Centrale,Zona1,ROtTe.6MyLittlPoint"),
            Assert.Single(events));
    }

    [Fact]
    public void SeveralEventsEachCarryTheirOwnNumberTextAndTheModifiersInForce()
    {
        // Made for this test: every kind of element, the separators DC-09 shows (Nri1/BA01/BR01).
        Assert.True(SiaEvent.TryParseAll("#1234|Nti10:30/da11-26-2026/id3/ri1/MA5^PENDANT BEDROOM  ^/ri2/YT/RP", out var events));

        var time = new TimeOnly(10, 30);
        var date = new DateOnly(2026, 11, 26);
        Assert.Equal(
            [
                new SiaEvent("MA", 5, 1, 3, null, time, date, "PENDANT BEDROOM  "),
                new SiaEvent("YT", null, 2, 3, null, time, date),
                new SiaEvent("RP", null, 2, 3, null, time, date),
            ],
            events);
    }

    [Theory]
    [InlineData("#AAA|Nri1/BA01/BR01", 2)] // the shape the SIA-DCS examples of DC-09 use
    [InlineData("|Nri1/CL501", 1)] // pysiaalarm case_cl: an account block with no account
    [InlineData("Nri1/WA000", 1)] // pysiaalarm case_wa: no account block at all
    [InlineData("N^HALL^MA1", 1)] // text before any event goes with the first
    [InlineData("Nri1ai2ph3/FA1", 1)] // modifiers this centre does not use are passed over
    public void UsualAndUnusualShapesRead(string data, int count)
    {
        Assert.True(SiaEvent.TryParseAll(data, out var events));
        Assert.Equal(count, events.Count);
    }

    [Theory]
    [InlineData("")]
    [InlineData("#1234|")]
    public void AnEmptyDataBlockReadsAsNoEvents(string data)
    {
        Assert.True(SiaEvent.TryParseAll(data, out var events));
        Assert.Empty(events);
    }

    [Theory]
    [InlineData("#1234|Nri1/MA5^no closing caret")]
    [InlineData("#1234|Nti25:00/MA1")]
    [InlineData("#1234|Nda13-40-26/MA1")]
    [InlineData("#1234|Nri/MA1")]
    [InlineData("#1234|Nid1:2/MA1")]
    [InlineData("#1234|N/MA1")]
    [InlineData("#1234|NMA1/")]
    [InlineData("#1234|NMA1 ")]
    [InlineData("#1234|N^TEXT ONLY^")]
    [InlineData("^LEADING TEXT^/Nri1/MA1")]
    public void ContentThatCannotBeReadIsRefused(string data) => Assert.False(SiaEvent.TryParseAll(data, out _));

    [Theory]
    [InlineData("\"SIA-DCS\"0001L0#1234[]")] // the empty data block of the issue
    [InlineData("\"SIA-DCS\"6002L0#AAA[|Nri1/CL501]_14:12:04,09-25-2019")] // pysiaalarm case_cl, framed here: its published length 0078 is not its own
    [InlineData("\"SIA-DCS\"5268L0#AAA[Nri1/WA000]_08:40:47,07-08-2020")] // pysiaalarm case_wa, framed here: its published CRC and length are not its own
    [InlineData("\"SIA-DCS\"0002R1L232#78919[#78919|Nri1/BA012/ZZ99^NOT A KNOWN CODE^][X012W34.1][Y045N12.2]_14:12:04,09-25-2026")]
    public void WellFormedFramesAreAcknowledgedWhateverTheirCodes(string body) =>
        Assert.Equal(Dc09ReplyKind.Ack, Responder.Decide(Parser.Parse(ReferenceCrc.Frame(body), _ => null)).Kind);

    [Theory]
    [InlineData("\"SIA-DCS\"0001L0#1234[#1234|Nri1/MA5^unterminated]")]
    [InlineData("\"SIA-DCS\"0001L0#1234[#1234|Nti99:99/MA5]")]
    public void OnlyUnreadableContentGetsADuh(string body) =>
        Assert.Equal(Dc09ReplyKind.Duh, Responder.Decide(Parser.Parse(ReferenceCrc.Frame(body), _ => null)).Kind);

    [Fact]
    public void AnEncryptedFrameWithAnEmptyDataBlockIsAcknowledged()
    {
        var key = Dc09AccountKey.FromHex(WireFrames.Hex128);
        var encoder = new Dc09FrameEncoder(WireFrames.FixedPad);
        var wire = encoder.Encode(new Dc09Frame(Dc09Token.SiaDcs, true, 9, "1", "1", "1234", "", [], WireFrames.Now), key);

        Assert.Equal(Dc09ReplyKind.Ack, Responder.Decide(Parser.Parse(wire, _ => key)).Kind);
    }

    [Fact]
    public void AnUnmappedCodeIsAGenericEventWithItsCodeZoneAndText()
    {
        var frame = Parser.Parse(WireFrames.Bytes(IoBrokerUntypedZoneWithModifiersAndText), _ => null).Frame!;

        var e = Assert.Single(PanelEventMap.Default.Interpret(frame)!);

        Assert.Equal(PanelEventKind.Generic, e.Kind);
        Assert.Equal("UT 0: $PR,SCOMPARSA          ,Centrale,Zona1,ROtTe.6MyLittlPoint", e.Describe());
    }

    [Fact]
    public void AnEmptySiaDataBlockInterpretsAsALinkTest()
    {
        var frame = new Dc09Frame(Dc09Token.SiaDcs, false, 1, null, "0", "1234", "", [], null);

        Assert.Equal([new PanelEvent(PanelEventKind.Heartbeat, "NULL", null, null)], PanelEventMap.Default.Interpret(frame));
    }

    [Fact]
    public void ArmingAndBurglaryStayIgnoredAndAVendorCanSilenceAGenericCode()
    {
        var map = PanelEventMap.Parse("""{"vendors":{"quiet":{"sia":{"UT":"Ignored"}}}}""");

        Assert.Equal(PanelEventKind.Ignored, map.Classify(new SiaEvent("CL", 0, 1)));
        Assert.Equal(PanelEventKind.Ignored, map.Classify(new SiaEvent("BA", 0, 1)));
        Assert.Equal(PanelEventKind.Generic, map.Classify(new SiaEvent("UT", 0, 0)));
        Assert.Equal(PanelEventKind.Ignored, map.Classify(new SiaEvent("UT", 0, 0), "quiet"));
    }

    private static string Data(string wire) => Parser.Parse(WireFrames.Bytes(wire), _ => null).Frame!.Data;
}
