using Microsoft.AspNetCore.Authorization;

namespace CareIoT.Server.Auth;

/// <summary>One route and who may call it, as the host actually enforces it.</summary>
public sealed record EndpointPolicy(string Route, string[] Methods, string[] Policies, bool Anonymous);

public static class EndpointPolicyEndpoints
{
    /// <summary>
    /// The endpoint-policy table, read from the running host's own endpoint metadata (admin only), so
    /// a test can prove that no endpoint was added without a policy.
    /// </summary>
    public static void MapEndpointPolicyEndpoints(this IEndpointRouteBuilder app) =>
        app.MapGet("/api/admin/endpoints", (EndpointDataSource endpoints) => endpoints.Endpoints
            .OfType<RouteEndpoint>()
            .Select(e => new EndpointPolicy(
                e.RoutePattern.RawText ?? "",
                [.. e.Metadata.GetOrderedMetadata<HttpMethodMetadata>().SelectMany(m => m.HttpMethods).Distinct()],
                [.. e.Metadata.GetOrderedMetadata<IAuthorizeData>().Select(a => a.Policy ?? (a.Roles is null ? "(signed in)" : $"roles:{a.Roles}")).Distinct()],
                e.Metadata.GetMetadata<IAllowAnonymous>() is not null))
            .OrderBy(e => e.Route))
        .RequireAuthorization(Policies.Administer);
}
