using CareIoT.Contracts.Rotation;
using Microsoft.AspNetCore.SignalR;

namespace CareIoT.Server.Wall;

/// <summary>Pushes the rotation grain's view and notices to every wall screen.</summary>
public sealed class SignalRWallNotifier(IHubContext<WallHub, IWallClient> hub) : IWallNotifier
{
    public Task ViewChangedAsync(WallView view, CancellationToken cancellationToken) => hub.Clients.All.ViewChanged(view);

    public Task NoticeAsync(RotationNotice notice, CancellationToken cancellationToken) => hub.Clients.All.RotationNotice(notice);
}
