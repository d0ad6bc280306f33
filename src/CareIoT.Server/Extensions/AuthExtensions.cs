using CareIoT.Server.Auth;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace CareIoT.Server.Extensions;

public static class AuthExtensions
{
    /// <summary>
    /// Cookie sign-in with roles. API and hub calls without a session get 401 and with the wrong
    /// role 403 (never a redirect); pages send the browser to the login page. The session cookie is
    /// HttpOnly, SameSite=Strict, Secure over HTTPS, and ends after <c>Auth:IdleMinutes</c> without a
    /// request. Sign-in is throttled and locks an account after repeated failures; the API is rate limited.
    /// </summary>
    public static void AddCareIotAuth(this WebApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection(AuthOptions.Section);
        var settings = section.Get<AuthOptions>() ?? new AuthOptions();
        builder.Services.Configure<AuthOptions>(section);
        builder.Services.AddSingleton<CareIoT.Postgres.PostgresUsers>();
        builder.Services.AddSingleton<SignInThrottle>();
        builder.Services.AddSingleton<PasswordCheck>();
        builder.Services.AddSingleton<KnownDevice>();
        builder.Services.AddHostedService<InitialAdmin>();
        builder.Services.AddSingleton<HubSessions>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<HubSessions>());
        builder.Services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme).AddCookie(options =>
        {
            options.Cookie.Name = "careiot";
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Strict;

            // The console is also served over plain HTTP on 127.0.0.1, where a Secure cookie would not come back.
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            options.ExpireTimeSpan = settings.Idle;
            options.SlidingExpiration = true;
            options.LoginPath = "/login.html";
            options.Events.OnRedirectToLogin = context => Answer(context, StatusCodes.Status401Unauthorized);
            options.Events.OnRedirectToAccessDenied = context => Answer(context, StatusCodes.Status403Forbidden);

            // Sliding renews only past half the lifetime; a keepalive renews always, so the pages know the session's end.
            // A session whose user logged out, was disabled or changed password or role is over (SessionStamp).
            options.Events.OnValidatePrincipal = async context =>
            {
                context.ShouldRenew |= context.Request.Path.Equals(AuthEndpoints.KeepAlivePath, StringComparison.Ordinal);
                await SessionStamp.ValidateAsync(context);
            };
        });
        builder.Services.AddAuthorization(options =>
        {
            foreach (var (policy, roles) in Policies.RolesOf)
            {
                options.AddPolicy(policy, p => p.RequireRole(roles));
            }

            options.AddPolicy(Policies.SeeHousehold, p => p.AddRequirements(new HouseholdAccessRequirement()));
        });
        builder.Services.AddSingleton<Microsoft.AspNetCore.Authorization.IAuthorizationHandler, HouseholdAccessHandler>();
        builder.Services.AddRateLimiter(options => RateLimits.Configure(options, settings));
    }

    /// <summary>Security headers (CSP and friends) on every response; first, so refusals carry them too.</summary>
    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.UseMiddleware<SecurityHeaders>();

    /// <summary>Refuses cross-site state-changing requests to the API and hubs; before anything acts on them.</summary>
    public static IApplicationBuilder UseCrossSiteRequestGuard(this IApplicationBuilder app) => app.UseMiddleware<CrossSiteRequestGuard>();

    private static Task Answer(Microsoft.AspNetCore.Authentication.RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        if (context.Request.Path.StartsWithSegments("/api") || context.Request.Path.StartsWithSegments("/hubs"))
        {
            context.Response.StatusCode = status;
        }
        else
        {
            context.Response.Redirect(context.RedirectUri);
        }

        return Task.CompletedTask;
    }
}
