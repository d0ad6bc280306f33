using System.Globalization;
using System.Security.Claims;
using CareIoT.Stores;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.Options;

namespace CareIoT.Server.Auth;

public sealed record LoginRequest(string Username, string Password);

/// <summary>The signed-in user's password again, to unlock a watch station's locked screen.</summary>
public sealed record UnlockRequest(string Password);

public static class AuthEndpoints
{
    /// <summary>The cookie handler renews the session on this path (AuthExtensions); the pages call it while a person is active.</summary>
    public const string KeepAlivePath = "/api/auth/keepalive";

    /// <summary>
    /// Sign in and out with a cookie; who am I (and how long a session may idle); keep the session
    /// alive; unlock a locked screen; and (admin) users.
    /// </summary>
    public static void MapAuthEndpoints(this IEndpointRouteBuilder app)
    {
        var auth = app.MapGroup("/api/auth");
        auth.MapPost("/login", async (LoginRequest body, PasswordCheck check, KnownDevice devices, HttpContext http, CancellationToken ct) =>
        {
            var name = body.Username?.Trim() ?? "";
            var result = await check.CheckAsync(name, body.Password ?? "", RateLimits.ClientOf(http), devices.IsKnown(http, name), ct);
            if (result.User is not { DisabledAt: null } user)
            {
                // A disabled account answers exactly as a wrong password does.
                return Refused(http, result, StatusCodes.Status401Unauthorized);
            }

            List<Claim> claims = [new Claim(ClaimTypes.Name, user.Username), new Claim(ClaimTypes.Role, user.Role), .. SessionStamp.For(user)];
            if (user.HouseholdId is not null)
            {
                claims.Add(new Claim(HouseholdAccessHandler.HouseholdClaim, user.HouseholdId));
            }

            var identity = new ClaimsIdentity(claims, CookieAuthenticationDefaults.AuthenticationScheme);
            await http.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, new ClaimsPrincipal(identity));
            devices.Remember(http, user.Username);
            return Results.Ok(new { user.Username, user.Role, user.HouseholdId });
        }).AllowAnonymous().RequireRateLimiting(RateLimits.SignIn);
        auth.MapPost("/logout", async (bool? everywhere, HttpContext http, IUserAccounts users, CancellationToken ct) =>
        {
            // Ended on the server: the cookie, and any copy of it, is refused from now on. With
            // ?everywhere=true every session of the user ends (the other screens, a lost phone).
            if (SessionStamp.SessionOf(http.User) is { } session)
            {
                await users.EndSessionAsync(session, ct);
            }

            if (everywhere == true && http.User.Identity?.Name is { } name)
            {
                await users.EndSessionsAsync(name, ct);
            }

            await http.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            return Results.NoContent();
        }).AllowAnonymous();
        auth.MapGet("/me", (ClaimsPrincipal user, IOptions<AuthOptions> options) =>
            Results.Ok(new
            {
                Username = user.Identity!.Name,
                Role = user.FindFirstValue(ClaimTypes.Role),
                HouseholdId = user.FindFirstValue(HouseholdAccessHandler.HouseholdClaim),
                IdleSeconds = options.Value.Idle.TotalSeconds,
                IdleWarningSeconds = options.Value.IdleWarning.TotalSeconds,
            })).RequireAuthorization();

        app.MapPost(KeepAlivePath, () => Results.NoContent()).RequireAuthorization();

        // A locked screen stays signed in; unlocking takes the password again and counts toward the lockout.
        auth.MapPost("/unlock", async (UnlockRequest body, PasswordCheck check, ClaimsPrincipal user, HttpContext http, CancellationToken ct) =>
        {
            var result = await check.CheckAsync(user.Identity!.Name!, body.Password ?? "", RateLimits.ClientOf(http), knownDevice: false, ct);
            return result.Passed ? Results.NoContent() : Refused(http, result, StatusCodes.Status403Forbidden);
        }).RequireAuthorization().RequireRateLimiting(RateLimits.SignIn);

        app.MapUserEndpoints();
        app.MapUserAccountEndpoints();
    }

    public static string Hash(string password) => PasswordCheck.Hasher.HashPassword("", password);

    private static IResult Refused(HttpContext http, PasswordCheckResult result, int status)
    {
        if (result.RetryAfter is { } retryAfter)
        {
            http.Response.Headers.RetryAfter = Math.Ceiling(retryAfter.TotalSeconds).ToString(CultureInfo.InvariantCulture);
            return Results.Problem("too many failed sign-ins; try again later", statusCode: StatusCodes.Status429TooManyRequests);
        }

        return Results.Problem("wrong user name or password", statusCode: status);
    }
}
