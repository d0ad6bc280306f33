namespace CareIoT.Dc09.Tests;

/// <summary>AES-CBC frames from the literal vectors, with hex and text keys of each size DC-09 allows.</summary>
public sealed class EncryptedFrameTests
{
    private static readonly Dc09FrameParser Parser = new();
    private static readonly Dc09FrameEncoder Encoder = new(WireFrames.FixedPad);

    [Fact]
    public void ContactIdEncryptedWith128BitHexKeyDecryptsToTheAccountBlockAndTimestamp()
    {
        var key = Dc09AccountKey.FromHex(WireFrames.Hex128);
        var result = Parser.Parse(WireFrames.Bytes(WireFrames.EncryptedContactId128), Only("1234", key));

        Assert.Equal(Dc09ParseStatus.Ok, result.Status);
        Assert.Equal(new Dc09Frame(Dc09Token.AdmCid, true, 4, "1", "1", "1234", "#1234|1110 01 015", [], WireFrames.Now), result.Frame);
        Assert.Same(key, result.Key);
    }

    [Fact]
    public void SiaEncryptedWith256BitHexKeyDecrypts()
    {
        var result = Parser.Parse(WireFrames.Bytes(WireFrames.EncryptedSiaMedical256), Only("1234", Dc09AccountKey.FromHex(WireFrames.Hex256)));

        Assert.Equal(new Dc09Frame(Dc09Token.SiaDcs, true, 5, "1", "1", "1234", "#1234|Nri1/MA5", [], WireFrames.Now), result.Frame);
    }

    [Fact]
    public void NullEncryptedWithSixteenCharacterTextKeyDecrypts()
    {
        var result = Parser.Parse(WireFrames.Bytes(WireFrames.EncryptedNullTextKey), Only("1234", Dc09AccountKey.FromConfigured(WireFrames.Text128, isHex: false)));

        Assert.Equal(new Dc09Frame(Dc09Token.Null, true, 6, "1", "1", "1234", "", [], WireFrames.Now), result.Frame);
    }

    [Theory]
    [InlineData(WireFrames.EncryptedContactId128, WireFrames.Hex128, true)]
    [InlineData(WireFrames.EncryptedSiaMedical256, WireFrames.Hex256, true)]
    [InlineData(WireFrames.EncryptedNullTextKey, WireFrames.Text128, false)]
    [InlineData(WireFrames.EncryptedAck128, WireFrames.Hex128, true)]
    public void EncoderWithTheSamePadProducesTheVectorByteForByte(string wire, string configuredKey, bool isHex)
    {
        var key = Dc09AccountKey.FromConfigured(configuredKey, isHex);
        var frame = Parser.Parse(WireFrames.Bytes(wire), Only("1234", key)).Frame!;

        Assert.Equal(wire, WireFrames.Text(Encoder.Encode(frame, key)));
    }

    [Fact]
    public void EncryptedFrameFromAnAccountWithoutKeyIsNoKeyAndKeepsItsHeader()
    {
        var result = Parser.Parse(WireFrames.Bytes(WireFrames.EncryptedContactId128), _ => null);

        Assert.Equal(Dc09ParseStatus.NoKey, result.Status);
        Assert.Equal(new Dc09Header("*ADM-CID", Dc09Token.AdmCid, true, 4, "1", "1", "1234"), result.Header);
    }

    [Fact]
    public void EncryptedFrameUnderTheWrongKeyIsDecryptFailed()
    {
        var result = Parser.Parse(WireFrames.Bytes(WireFrames.EncryptedContactId128), Only("1234", Dc09AccountKey.FromHex(WireFrames.Hex256)));

        Assert.Equal(Dc09ParseStatus.DecryptFailed, result.Status);
        Assert.Equal("1234", result.Header!.Account);
    }

    [Fact]
    public void DataWhoseAccountBlockNamesAnotherAccountTravelsWholeInsideTheEncryption()
    {
        var key = Dc09AccountKey.FromHex(WireFrames.Hex128);
        var frame = new Dc09Frame(Dc09Token.AdmCid, true, 9, null, "7", "1234", "#5678|1602 00 000", [], WireFrames.Now);

        Assert.Equal(frame, Parser.Parse(Encoder.Encode(frame, key), Only("1234", key)).Frame);
        Assert.Throws<ArgumentException>(() => Encoder.Encode(frame with { Data = "1602 00 000" }, key));
    }

    [Theory]
    [InlineData("00010203", true)]
    [InlineData("000102030405060708090A0B0C0D0E0G", true)]
    [InlineData("short", false)]
    [InlineData("CareIoT-Key-00161", false)]
    public void KeyOfTheWrongSizeOrAlphabetIsRefusedWithAReason(string configured, bool isHex)
    {
        var error = Assert.Throws<ArgumentException>(() => Dc09AccountKey.FromConfigured(configured, isHex));
        Assert.Contains("AES-128/192/256", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void KeyNeverShowsItselfInText() => Assert.Equal("AES-256 key", Dc09AccountKey.FromHex(WireFrames.Hex256).ToString());

    private static Func<string, Dc09AccountKey?> Only(string account, Dc09AccountKey key) => a => a == account ? key : null;
}
