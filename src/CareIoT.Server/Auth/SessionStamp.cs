using System.Security.Claims;
using CareIoT.Stores;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace CareIoT.Server.Auth;

/// <summary>
/// Every session cookie carries its own id and its user's security stamp (PostgreSQL, migration 0014).
/// A session is over when it was logged out (its id is in <c>ended_sessions</c>: the cookie and any
/// copy of it are refused) or when its stamp is no longer the user's: logging out everywhere, an admin
/// disabling the account, changing its password or its role draw a new stamp, so every session of that
/// user ends at once, on every silo. While PostgreSQL cannot be asked, sessions are let through (logged): the consoles of a
/// monitoring centre must not go dark with the journal, and the journal's data is not served then anyway.
/// </summary>
public static class SessionStamp
{
    public const string ClaimType = "careiot:stamp";

    public const string SessionClaimType = "careiot:sid";

    /// <summary>The claims of a new session of this user.</summary>
    public static Claim[] For(StoredUser user) =>
        [new(ClaimType, user.SecurityStamp.ToString("N")), new(SessionClaimType, Guid.NewGuid().ToString("N"))];

    public static Guid? Of(ClaimsPrincipal principal) => Guid.TryParse(principal.FindFirstValue(ClaimType), out var stamp) ? stamp : null;

    public static Guid? SessionOf(ClaimsPrincipal principal) => Guid.TryParse(principal.FindFirstValue(SessionClaimType), out var id) ? id : null;

    /// <summary>Whether the principal's stamp is its user's current one (true when PostgreSQL cannot say).</summary>
    public static async Task<bool> IsCurrentAsync(ClaimsPrincipal principal, IUserAccounts users, IDatabaseHealth database, ILogger logger, CancellationToken cancellationToken)
    {
        if (principal.Identity?.Name is not { } name || Of(principal) is not { } stamp || SessionOf(principal) is not { } session)
        {
            return false;
        }

        try
        {
            return (await users.CurrentStampsAsync([name], cancellationToken)).TryGetValue(name, out var current) && current == stamp
                && (await users.EndedOfAsync([session], cancellationToken)).Count == 0;
        }
        catch (Exception ex) when (database.IsUnavailable(ex))
        {
            logger.LogWarning(ex, "Session of {Username} not checked: PostgreSQL unavailable", name);
            return true;
        }
    }

    /// <summary>Cookie authentication's check on every request: a stale session is signed out (401).</summary>
    public static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var services = context.HttpContext.RequestServices;
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(SessionStamp));
        if (context.Principal is { } principal
            && !await IsCurrentAsync(principal, services.GetRequiredService<IUserAccounts>(), services.GetRequiredService<IDatabaseHealth>(), logger, context.HttpContext.RequestAborted))
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        }
    }
}
