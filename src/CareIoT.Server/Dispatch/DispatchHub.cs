using CareIoT.Contracts;
using Microsoft.AspNetCore.SignalR;

namespace CareIoT.Server.Dispatch;

/// <summary>
/// The dispatch console's connection. A console calls <see cref="GetOpenAlerts"/> on every
/// (re)connect, so it never shows a stale queue; after that it receives pushes.
/// </summary>
public sealed class DispatchHub(IAlertJournal journal) : Hub<IDispatchClient>
{
    public const string Path = "/hubs/dispatch";

    public Task<IReadOnlyList<AlertSnapshot>> GetOpenAlerts() => journal.GetOpenAsync(Context.ConnectionAborted);
}
