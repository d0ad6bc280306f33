using CareIoT.Contracts;
using Microsoft.AspNetCore.SignalR;

namespace CareIoT.Server.Dispatch;

/// <summary>
/// Pushes alert changes from grains to every connected console. The silo is co-hosted with the
/// web server, so grains use the hub context directly; across silos the SignalR Redis backplane
/// carries the push to consoles connected elsewhere.
/// </summary>
public sealed class SignalRAlertNotifier(IHubContext<DispatchHub, IDispatchClient> hub) : IAlertNotifier
{
    public Task AlertChangedAsync(AlertSnapshot alert, CancellationToken cancellationToken) =>
        hub.Clients.All.AlertChanged(alert);

    public Task AlertEscalatedAsync(AlertSnapshot alert, CancellationToken cancellationToken) =>
        hub.Clients.All.AlertEscalated(alert);
}
