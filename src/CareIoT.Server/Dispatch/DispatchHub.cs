using CareIoT.Contracts;
using CareIoT.Server.Auth;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;

namespace CareIoT.Server.Dispatch;

/// <summary>
/// The dispatch console's connection. A console calls <see cref="GetOpenAlerts"/> on every
/// (re)connect, so it never shows a stale queue; after that it receives pushes.
/// The hub as a whole and each method name their policy, so a method added later cannot be open by
/// accident; actions on alerts go through the HTTP API, where each endpoint names its own.
/// </summary>
[Authorize(Policy = Policies.Watch)]
public sealed class DispatchHub(IAlertJournal journal) : Hub<IDispatchClient>
{
    public const string Path = "/hubs/dispatch";

    [Authorize(Policy = Policies.Watch)]
    public Task<IReadOnlyList<AlertSnapshot>> GetOpenAlerts() => journal.GetOpenAsync(Context.ConnectionAborted);
}
