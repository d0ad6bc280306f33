namespace CareIoT.Dc09.Tests;

/// <summary>Damage in transit is named as damage, in the order the checks run.</summary>
public sealed class DamagedFrameTests
{
    private static readonly Dc09FrameParser Parser = new();

    [Fact]
    public void FlippedDataByteIsABadCrc()
    {
        var bytes = WireFrames.Bytes(WireFrames.ContactIdFire);
        bytes[^10] ^= 0x01;

        Assert.Equal(Dc09ParseStatus.BadCrc, Parse(bytes));
    }

    [Fact]
    public void WrongLengthWithCorrectCrcIsABadLength()
    {
        var bytes = WireFrames.Bytes(WireFrames.ContactIdFire.Replace("62A8003D", "62A8003E", StringComparison.Ordinal));

        Assert.Equal(Dc09ParseStatus.BadLength, Parse(bytes));
    }

    [Theory]
    [InlineData("")]
    [InlineData("\n62A8003D")]
    [InlineData("\n62A8003D\"ADM-CID\"0001R1L1#1234[#1234|1110 01 015]")]
    public void FrameWithoutItsClosingCrIsTruncated(string wire) => Assert.Equal(Dc09ParseStatus.Truncated, Parse(WireFrames.Bytes(wire)));

    [Theory]
    [InlineData("62A8003D\"ADM-CID\"0001R1L1#1234[#1234|1110 01 015]_12:34:56,11-26-2026\r")]
    [InlineData("\nXYZW003D\"ADM-CID\"0001R1L1#1234[#1234|1110 01 015]_12:34:56,11-26-2026\r")]
    public void FrameWithoutLineFeedOrWithANonHexHeaderIsGarbage(string wire) => Assert.Equal(Dc09ParseStatus.Garbage, Parse(WireFrames.Bytes(wire)));

    [Theory]
    [InlineData("\"ADM-CID\"001R1L1#1234[#1234|1110 01 015]")] // three-digit sequence
    [InlineData("\"ADM-CID\"0001R1L1#12[#1234|1110 01 015]")] // two-digit account
    [InlineData("\"ADM-CID\"0001R1L1#12ab[#1234|1110 01 015]")] // lowercase account
    [InlineData("\"ADM-CID\"0001R1234567L1#1234[]")] // seven-digit receiver
    [InlineData("\"ADM-CID\"0001R1L1#1234#1234|1110 01 015]")] // no opening bracket
    [InlineData("\"ADM-CID\"0001R1L1#1234[#1234|1110 01 015")] // no closing bracket
    [InlineData("\"ADM-CID\"0001R1L1#1234[#1234|1110 01 015]_25:00:00,11-26-2026")] // no such hour
    [InlineData("\"ADM-CID\"0001R1L1#1234[#1234|1110 01 015]_12:00:00,02-30-2026")] // no such day
    [InlineData("\"ADM-CID\"0001R1L1#1234[#1234|1110 01 015][x1]")] // lowercase extended letter
    [InlineData("\"*ADM-CID\"0001R1L1#1234[ABC]")] // ciphertext not whole blocks
    public void WellFramedButMalformedFrameIsGarbage(string body) =>
        Assert.Equal(Dc09ParseStatus.Garbage, Parse(ReferenceCrc.Frame(body)));

    [Fact]
    public void FrameLongerThanTheMaximumIsOversizeBeforeAnythingElseIsRead()
    {
        var parser = new Dc09FrameParser(maxFrameBytes: 40);

        Assert.Equal(Dc09ParseStatus.Oversize, parser.Parse(WireFrames.Bytes(WireFrames.ContactIdFire), _ => null).Status);
        Assert.Equal(Dc09ParseStatus.Ok, parser.Parse(WireFrames.Bytes(WireFrames.NullLinkTest), _ => null).Status);
    }

    [Fact]
    public void UnknownTokenThatIsOtherwiseWellFormedKeepsItsHeaderForTheDuh()
    {
        var result = Parser.Parse(ReferenceCrc.Frame("\"SIA-XYZ\"0042R2L3#ABCD[whatever]"), _ => null);

        Assert.Equal(Dc09ParseStatus.UnknownToken, result.Status);
        Assert.Equal(new Dc09Header("SIA-XYZ", null, false, 42, "2", "3", "ABCD"), result.Header);
    }

    private static Dc09ParseStatus Parse(byte[] bytes) => Parser.Parse(bytes, _ => null).Status;
}
