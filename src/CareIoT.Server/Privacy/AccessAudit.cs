using System.Security.Claims;
using CareIoT.Stores;

namespace CareIoT.Server.Privacy;

/// <summary>Records, for the request's user, that they viewed or exported personal data.</summary>
public sealed class AccessAudit(IAuditLog store, TimeProvider time)
{
    public Task ViewedAsync(ClaimsPrincipal user, string what, string target, CancellationToken cancellationToken) =>
        store.RecordAsync(Actor(user), $"view.{what}", target, new { role = Role(user) }, time.GetUtcNow(), cancellationToken);

    public Task ExportedAsync(ClaimsPrincipal user, string what, string target, object detail, CancellationToken cancellationToken) =>
        store.RecordAsync(Actor(user), $"export.{what}", target, new { role = Role(user), detail }, time.GetUtcNow(), cancellationToken);

    private static string Actor(ClaimsPrincipal user) => user.Identity?.Name ?? "(unknown)";

    private static string? Role(ClaimsPrincipal user) => user.FindFirst(ClaimTypes.Role)?.Value;
}
