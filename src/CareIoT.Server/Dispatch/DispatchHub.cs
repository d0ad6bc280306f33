using CareIoT.Contracts;
using CareIoT.Server.Auth;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;

namespace CareIoT.Server.Dispatch;

/// <summary>
/// The dispatch console's connection. A console calls <see cref="GetQueue"/> on every (re)connect
/// and whenever it sees a push number skipped, so it never shows a stale queue; after that it
/// receives pushes. The hub as a whole and each method name their policy, so a method added later
/// cannot be open by accident; actions on alerts go through the HTTP API, where each endpoint
/// names its own.
/// </summary>
[Authorize(Policy = Policies.Watch)]
public sealed class DispatchHub(IAlertJournal journal, ConsolePushSequencer sequencer) : Hub<IDispatchClient>
{
    public const string Path = "/hubs/dispatch";

    /// <summary>The open alerts and the push number they are current to.</summary>
    [Authorize(Policy = Policies.Watch)]
    public async Task<ConsoleQueue> GetQueue()
    {
        // The number first: a push numbered up to it was journaled before, so the read below has it.
        var sequence = sequencer.CurrentSequence;
        return new ConsoleQueue(sequence, await journal.GetOpenAsync(Context.ConnectionAborted));
    }

    /// <summary>The open alerts, most urgent first (for clients that do not follow the push sequence).</summary>
    [Authorize(Policy = Policies.Watch)]
    public Task<IReadOnlyList<AlertSnapshot>> GetOpenAlerts() => journal.GetOpenAsync(Context.ConnectionAborted);
}
