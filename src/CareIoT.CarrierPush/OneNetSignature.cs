using System.Security.Cryptography;
using System.Text;

namespace CareIoT.CarrierPush;

/// <summary>
/// OneNET's push signatures, as its HTTP-push development guide gives them
/// (https://open.iot.10086.cn/doc/nb-iot/book/manual/httppush/develop-manual.html): the URL check's
/// <c>signature</c> and a data push's <c>msg_signature</c> are both Base64(MD5(token + nonce + msg)),
/// where msg is the <c>msg</c> query value, or the <c>msg</c> member of the body exactly as it was sent.
/// MD5 is the platform's choice, not ours; the comparison takes constant time.
/// </summary>
public static class OneNetSignature
{
    public static string Compute(string token, string nonce, string msg) =>
        Convert.ToBase64String(MD5.HashData(Encoding.UTF8.GetBytes(token + nonce + msg)));

    /// <summary>
    /// True when <paramref name="signature"/> is the one <paramref name="token"/> gives. A query value that
    /// was not percent-encoded has had its '+' turned into ' ' by URL decoding; those are put back.
    /// </summary>
    public static bool Verify(string token, string nonce, string msg, string? signature)
    {
        if (string.IsNullOrEmpty(signature) || string.IsNullOrEmpty(token))
        {
            return false;
        }

        var expected = Encoding.ASCII.GetBytes(Compute(token, nonce, msg));
        var given = Encoding.ASCII.GetBytes(signature.Replace(' ', '+'));
        return CryptographicOperations.FixedTimeEquals(expected, given);
    }
}
