using System.Security.Claims;
using CareIoT.Server.Auth;
using Microsoft.AspNetCore.SignalR;

namespace CareIoT.Server.Dispatch;

/// <summary>
/// A relative's live line: a relative joins the group of their own elder's household (from their session,
/// never from what the browser asks for) and hears that household's alerts as they change. Anyone else is
/// disconnected at once.
/// </summary>
public sealed class RelativeHub : Hub
{
    public const string Path = "/hubs/relative";

    public static string GroupOf(string householdId) => $"household:{householdId}";

    public override async Task OnConnectedAsync()
    {
        if (Context.User is { } user && user.IsInRole(Roles.Relative) && user.FindFirstValue(HouseholdAccessHandler.HouseholdClaim) is { Length: > 0 } household)
        {
            await Groups.AddToGroupAsync(Context.ConnectionId, GroupOf(household));
            await base.OnConnectedAsync();
            return;
        }

        Context.Abort();
    }
}
