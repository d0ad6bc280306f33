using System.Security.Cryptography;
using System.Text;

namespace CareIoT.CarrierPush.Tests;

public sealed class SignatureTests
{
    // Worked by hand from OneNET's rule: Base64(MD5(token + nonce + msg)).
    private static string Expected(string text) => Convert.ToBase64String(MD5.HashData(Encoding.UTF8.GetBytes(text)));

    [Fact]
    public void OneNetSignatureIsBase64OfMd5OfTokenNonceAndMsg()
    {
        Assert.Equal(Expected("tok123abcXYZhello"), OneNetSignature.Compute("tok123", "abcXYZ", "hello"));
        Assert.True(OneNetSignature.Verify("tok123", "abcXYZ", "hello", Expected("tok123abcXYZhello")));
    }

    [Fact]
    public void OneNetSignatureRefusesAnotherTokenAnotherMsgAndNothing()
    {
        var signature = OneNetSignature.Compute("tok123", "n", "m");

        Assert.False(OneNetSignature.Verify("other", "n", "m", signature));
        Assert.False(OneNetSignature.Verify("tok123", "n", "m2", signature));
        Assert.False(OneNetSignature.Verify("tok123", "n", "m", null));
        Assert.False(OneNetSignature.Verify("", "n", "m", OneNetSignature.Compute("", "n", "m")));
    }

    [Fact]
    public void OneNetSignatureSurvivesAPlusDecodedAsASpace()
    {
        var (nonce, signature) = Enumerable.Range(0, 1000).Select(i => ($"n{i}", OneNetSignature.Compute("t", $"n{i}", "m"))).First(p => p.Item2.Contains('+'));

        Assert.True(OneNetSignature.Verify("t", nonce, "m", signature.Replace('+', ' ')));
    }

    [Fact]
    public void CtwingAcceptsTheBodyHmacOrTheSubscriptionTokenAndNothingElse()
    {
        var body = "{\"messageType\":\"dataReport\"}"u8.ToArray();
        var hmac = "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData("s3cret"u8, body));

        Assert.Equal(hmac, CtwingSignature.Compute("s3cret", body));
        Assert.True(CtwingSignature.Verify("s3cret", body, hmac.ToUpperInvariant().Replace("SHA256=", "sha256="), null));
        Assert.True(CtwingSignature.Verify("s3cret", body, null, "s3cret"));
        Assert.False(CtwingSignature.Verify("s3cret", body, CtwingSignature.Compute("other", body), "s3cret")); // a wrong signature is not rescued by the token
        Assert.False(CtwingSignature.Verify("s3cret", "{}"u8, hmac, null));
        Assert.False(CtwingSignature.Verify("s3cret", body, null, "guess"));
        Assert.False(CtwingSignature.Verify("", body, null, ""));
    }
}
