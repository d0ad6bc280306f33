using System.Security.Claims;
using CareIoT.Stores;

namespace CareIoT.Server.Auth;

/// <summary>A new role (a relative names their household), or a new password.</summary>
public sealed record RoleChangeRequest(string Role, string? HouseholdId = null);

public sealed record PasswordChangeRequest(string Password);

public static class UserAccountEndpoints
{
    /// <summary>
    /// Admins change a user's role or password, or disable and enable the account. Each is audited, and
    /// each but enabling ends every session the user holds (<see cref="SessionStamp"/>), hub connections included.
    /// </summary>
    public static void MapUserAccountEndpoints(this IEndpointRouteBuilder app)
    {
        var user = app.MapGroup("/api/users/{username}").RequireAuthorization(Policies.Administer);
        user.MapPut("/role", async (string username, RoleChangeRequest body, IUserAccounts users, IRegistry registry,
            IAuditLog audit, ClaimsPrincipal admin, TimeProvider time, CancellationToken ct) =>
        {
            if (!Roles.All.Contains(body.Role))
            {
                return Results.ValidationProblem(new Dictionary<string, string[]> { ["role"] = ["one of " + string.Join(", ", Roles.All)] });
            }

            var household = body.Role == Roles.Relative ? body.HouseholdId?.Trim() : null;
            if (body.Role == Roles.Relative && (household is null || await registry.GetHouseholdAsync(household, ct) is null))
            {
                return Results.ValidationProblem(new Dictionary<string, string[]> { ["householdId"] = ["a relative must name a registered household"] });
            }

            return await Audited(await users.SetRoleAsync(username, body.Role, household, ct), audit, admin, "user.role", username, time, ct);
        });
        user.MapPut("/password", async (string username, PasswordChangeRequest body, IUserAccounts users,
            IAuditLog audit, ClaimsPrincipal admin, TimeProvider time, CancellationToken ct) =>
            (body.Password?.Length ?? 0) < 10
                ? Results.ValidationProblem(new Dictionary<string, string[]> { ["password"] = ["at least 10 characters"] })
                : await Audited(await users.SetPasswordAsync(username, AuthEndpoints.Hash(body.Password!), ct), audit, admin, "user.password", username, time, ct));
        user.MapPost("/disable", async (string username, IUserAccounts users, IAuditLog audit, ClaimsPrincipal admin, TimeProvider time, CancellationToken ct) =>
            username == admin.Identity!.Name
                ? Results.ValidationProblem(new Dictionary<string, string[]> { ["username"] = ["an admin cannot disable their own account"] })
                : await Audited(await users.SetDisabledAsync(username, disabled: true, ct), audit, admin, "user.disable", username, time, ct));
        user.MapPost("/enable", async (string username, IUserAccounts users, IAuditLog audit, ClaimsPrincipal admin, TimeProvider time, CancellationToken ct) =>
            await Audited(await users.SetDisabledAsync(username, disabled: false, ct), audit, admin, "user.enable", username, time, ct));
    }

    private static async Task<IResult> Audited(
        bool changed, IAuditLog audit, ClaimsPrincipal admin, string action, string username, TimeProvider time, CancellationToken ct)
    {
        if (!changed)
        {
            return Results.NotFound();
        }

        await audit.RecordAsync(admin.Identity!.Name!, action, username, null, time.GetUtcNow(), ct);
        return Results.NoContent();
    }
}
