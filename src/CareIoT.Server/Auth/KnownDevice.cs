using Microsoft.AspNetCore.DataProtection;

namespace CareIoT.Server.Auth;

/// <summary>
/// The browser a user signed in from before (OWASP "device cookies"): after a successful sign-in it
/// keeps a long-lived, protected cookie naming the user. The account lockout stops password guessing
/// from anywhere else, but not the user on their own browser — so an outsider who types five wrong
/// passwords locks out only other outsiders, never the operator at the console.
/// </summary>
public sealed class KnownDevice(IDataProtectionProvider protection, TimeProvider time)
{
    public const string CookieName = "careiot-device";

    private static readonly TimeSpan Lifetime = TimeSpan.FromDays(180);

    private readonly ITimeLimitedDataProtector _protector = protection.CreateProtector("CareIoT.KnownDevice").ToTimeLimitedDataProtector();

    public bool IsKnown(HttpContext http, string username)
    {
        if (http.Request.Cookies[CookieName] is not { Length: > 0 } cookie)
        {
            return false;
        }

        try
        {
            return string.Equals(_protector.Unprotect(cookie, out var expires), username, StringComparison.Ordinal) && expires > time.GetUtcNow();
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return false;
        }
    }

    public void Remember(HttpContext http, string username) =>
        http.Response.Cookies.Append(CookieName, _protector.Protect(username, time.GetUtcNow() + Lifetime), new CookieOptions
        {
            HttpOnly = true,
            SameSite = SameSiteMode.Strict,
            Secure = http.Request.IsHttps,
            MaxAge = Lifetime,
            Path = "/api/auth",
        });
}
