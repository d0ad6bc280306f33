using System.Security.Claims;
using CareIoT.Stores;

namespace CareIoT.Server.Auth;

/// <summary>A new user; a relative names the one household they may see.</summary>
public sealed record NewUserRequest(string Username, string Password, string Role, string? HouseholdId = null);

public static class UserEndpoints
{
    /// <summary>Users, for admins: create one; lift an account's sign-in lockout (audited).</summary>
    public static void MapUserEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/users", async (NewUserRequest body, IUserAccounts users, IRegistry registry, CancellationToken ct) =>
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

            return await users.CreateAsync(body.Username.Trim(), AuthEndpoints.Hash(body.Password!), body.Role, householdId, ct)
                ? Results.Created($"/api/users/{Uri.EscapeDataString(body.Username.Trim())}", new { body.Username, body.Role })
                : Results.Conflict();
        }).RequireAuthorization(Policies.Administer);

        app.MapPost("/api/users/{username}/unlock", async (string username, IUserAccounts users, IAuditLog audit, ClaimsPrincipal admin,
            TimeProvider time, ILoggerFactory loggers, CancellationToken ct) =>
        {
            if (!await users.ResetSignInFailuresAsync(username, ct))
            {
                return Results.NotFound();
            }

            await audit.RecordAsync(admin.Identity!.Name!, "user.unlock", username, null, time.GetUtcNow(), ct);
            loggers.CreateLogger(typeof(UserEndpoints)).LogWarning("Account {Username} unlocked by {Admin}", username, admin.Identity.Name);
            return Results.NoContent();
        }).RequireAuthorization(Policies.Administer);
    }
}
