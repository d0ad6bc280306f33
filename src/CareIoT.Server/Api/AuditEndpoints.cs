using CareIoT.Stores;

namespace CareIoT.Server.Api;

public static class AuditEndpoints
{
    /// <summary>The audit log for admins: who viewed, exported or changed what, newest first.</summary>
    public static void MapAuditEndpoints(this IEndpointRouteBuilder app) =>
        app.MapGet("/api/admin/audit", (string? action, string? target, int? limit, IAuditLog audit, CancellationToken ct) =>
            audit.RecentAsync(action, target, limit ?? 100, ct)).RequireAuthorization(Auth.Policies.Administer);
}
