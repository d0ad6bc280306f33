using CareIoT.Server.Auth;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace CareIoT.Server.Extensions;

public static class AuthExtensions
{
    /// <summary>
    /// Cookie sign-in with roles. API and hub calls without a session get 401 and with the wrong
    /// role 403 (never a redirect); pages send the browser to the login page.
    /// </summary>
    public static void AddCareIotAuth(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<CareIoT.Postgres.PostgresUsers>();
        builder.Services.AddHostedService<InitialAdmin>();
        builder.Services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme).AddCookie(options =>
        {
            options.Cookie.Name = "careiot";
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Strict;
            options.ExpireTimeSpan = TimeSpan.FromHours(12);
            options.SlidingExpiration = true;
            options.LoginPath = "/login.html";
            options.Events.OnRedirectToLogin = context => Answer(context, StatusCodes.Status401Unauthorized);
            options.Events.OnRedirectToAccessDenied = context => Answer(context, StatusCodes.Status403Forbidden);
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
    }

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
