using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;

namespace CareIoT.Server.Auth;

/// <summary>The <see cref="Policies.SeeHousehold"/> requirement.</summary>
public sealed class HouseholdAccessRequirement : IAuthorizationRequirement;

/// <summary>
/// Lets the watching roles see any household, and a relative only the household their account is
/// bound to (the <see cref="HouseholdClaim"/> against the route's <c>householdId</c>).
/// </summary>
public sealed class HouseholdAccessHandler : AuthorizationHandler<HouseholdAccessRequirement>
{
    public const string HouseholdClaim = "careiot:household";

    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, HouseholdAccessRequirement requirement)
    {
        if (Policies.RolesOf[Policies.Watch].Any(context.User.IsInRole))
        {
            context.Succeed(requirement);
        }
        else if (context.User.IsInRole(Roles.Relative)
            && context.Resource is HttpContext http
            && http.GetRouteValue("householdId") is string householdId
            && context.User.FindFirstValue(HouseholdClaim) is { } own
            && string.Equals(own, householdId, StringComparison.Ordinal))
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }
}
