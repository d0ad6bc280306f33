using System.Security.Claims;
using CareIoT.Postgres;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;

namespace CareIoT.Server.Auth;

public sealed record LoginRequest(string Username, string Password);

/// <summary>A new user; a relative names the one household they may see.</summary>
public sealed record NewUserRequest(string Username, string Password, string Role, string? HouseholdId = null);

public static class AuthEndpoints
{
    private static readonly PasswordHasher<string> Hasher = new();

    /// <summary>Sign in and out with a cookie; who am I; and (admin) create users.</summary>
    public static void MapAuthEndpoints(this IEndpointRouteBuilder app)
    {
        var auth = app.MapGroup("/api/auth");
        auth.MapPost("/login", async (LoginRequest body, PostgresUsers users, HttpContext http, CancellationToken ct) =>
        {
            var user = string.IsNullOrWhiteSpace(body.Username) ? null : await users.FindAsync(body.Username.Trim(), ct);
            if (user is null || Hasher.VerifyHashedPassword(user.Username, user.PasswordHash, body.Password ?? "") == PasswordVerificationResult.Failed)
            {
                return Results.Problem("wrong user name or password", statusCode: StatusCodes.Status401Unauthorized);
            }

            List<Claim> claims = [new Claim(ClaimTypes.Name, user.Username), new Claim(ClaimTypes.Role, user.Role)];
            if (user.HouseholdId is not null)
            {
                claims.Add(new Claim(HouseholdAccessHandler.HouseholdClaim, user.HouseholdId));
            }

            var identity = new ClaimsIdentity(claims, CookieAuthenticationDefaults.AuthenticationScheme);
            await http.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, new ClaimsPrincipal(identity));
            return Results.Ok(new { user.Username, user.Role, user.HouseholdId });
        }).AllowAnonymous();
        auth.MapPost("/logout", async (HttpContext http) =>
        {
            await http.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            return Results.NoContent();
        }).AllowAnonymous();
        auth.MapGet("/me", (ClaimsPrincipal user) =>
            Results.Ok(new
            {
                Username = user.Identity!.Name,
                Role = user.FindFirstValue(ClaimTypes.Role),
                HouseholdId = user.FindFirstValue(HouseholdAccessHandler.HouseholdClaim),
            })).RequireAuthorization();

        app.MapPost("/api/users", async (NewUserRequest body, PostgresUsers users, PostgresRegistry registry, CancellationToken ct) =>
        {
            if (string.IsNullOrWhiteSpace(body.Username) || body.Username.Length > 64 || (body.Password?.Length ?? 0) < 10 || !Roles.All.Contains(body.Role))
            {
                return Results.ValidationProblem(new Dictionary<string, string[]>
                {
                    ["user"] = ["username 1-64 characters, password at least 10, role one of " + string.Join(", ", Roles.All)],
                });
            }

            var householdId = body.Role == Roles.Relative ? body.HouseholdId?.Trim() : null;
            if (body.Role == Roles.Relative && (householdId is null || await registry.GetHouseholdAsync(householdId, ct) is null))
            {
                return Results.ValidationProblem(new Dictionary<string, string[]>
                {
                    ["householdId"] = ["a relative must name a registered household"],
                });
            }

            return await users.CreateAsync(body.Username.Trim(), Hash(body.Password!), body.Role, householdId, ct)
                ? Results.Created($"/api/users/{Uri.EscapeDataString(body.Username.Trim())}", new { body.Username, body.Role })
                : Results.Conflict();
        }).RequireAuthorization(Policies.Administer);
    }

    public static string Hash(string password) => Hasher.HashPassword("", password);
}
