using System.Security.Claims;
using CareIoT.Contracts.Rotation;
using CareIoT.Server.Auth;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;

namespace CareIoT.Server.Wall;

/// <summary>
/// A wall screen's connection. Connecting tells the rotation someone watches (coverage counts only
/// then); every screen shows the one server-side rotation. Watching needs the watch policy,
/// steering the rotation the dispatch policy.
/// </summary>
[Authorize(Policy = Policies.Watch)]
public sealed class WallHub(IGrainFactory grains) : Hub<IWallClient>
{
    public const string Path = "/hubs/wall";

    private IRotationGrain Rotation => grains.GetGrain<IRotationGrain>(IRotationGrain.Centre);

    private string Operator => Context.User?.FindFirstValue(ClaimTypes.Name) ?? "?";

    public override Task OnConnectedAsync() => Rotation.ViewerJoined(Context.ConnectionId, Operator);

    public override Task OnDisconnectedAsync(Exception? exception) => Rotation.ViewerLeft(Context.ConnectionId);

    [Authorize(Policy = Policies.Watch)]
    public Task<WallView> GetView() => Rotation.GetView();

    [Authorize(Policy = Policies.Dispatch)]
    public Task Pause() => Rotation.Pause(Operator);

    [Authorize(Policy = Policies.Dispatch)]
    public Task Resume() => Rotation.Resume(Operator);

    [Authorize(Policy = Policies.Dispatch)]
    public Task Skip() => Rotation.Skip(Operator);

    [Authorize(Policy = Policies.Dispatch)]
    public Task Pin(string siteKey) => Rotation.Pin(siteKey, Operator);

    [Authorize(Policy = Policies.Dispatch)]
    public Task Unpin(string siteKey) => Rotation.Unpin(siteKey, Operator);
}
