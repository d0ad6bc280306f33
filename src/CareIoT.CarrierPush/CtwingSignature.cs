using System.Security.Cryptography;
using System.Text;

namespace CareIoT.CarrierPush;

/// <summary>
/// How a CTWing/AEP push proves it is from the platform. CTWing's subscription-push guide
/// (https://www.ctwing.cn/dyts/103) describes a plain JSON POST, answered with 200 and retried up to
/// three times, and no signature on the body; what a subscription does carry is the URL the tenant
/// configured. So a push is accepted with either (a) header <see cref="Header"/> =
/// <c>sha256=</c> + hex HMAC-SHA256(secret, raw body), for a signing relay or a future platform
/// signature, or (b) the secret itself as the <c>token</c> query value of the subscription URL
/// (<c>https://centre/carrier/ctwing?token=…</c>). Both compare in constant time; the records'
/// own timestamps are then held to the replay window.
/// </summary>
public static class CtwingSignature
{
    public const string Header = "X-CareIoT-Signature";
    public const string TokenQuery = "token";

    public static string Compute(string secret, ReadOnlySpan<byte> body) =>
        "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body));

    public static bool Verify(string secret, ReadOnlySpan<byte> body, string? signature, string? token)
    {
        if (string.IsNullOrEmpty(secret))
        {
            return false;
        }

        if (!string.IsNullOrEmpty(signature))
        {
            return CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Compute(secret, body)), Encoding.ASCII.GetBytes(signature.Trim().ToLowerInvariant()));
        }

        return !string.IsNullOrEmpty(token)
            && CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(secret)), SHA256.HashData(Encoding.UTF8.GetBytes(token)));
    }
}
