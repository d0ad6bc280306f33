using Orleans.Concurrency;

namespace CareIoT.Server.Dispatch;

/// <summary>
/// The silo's relay for alert pushes (see <see cref="IConsoleRelayGrain"/>). Reentrant: it only
/// queues, and order to the consoles is set by <see cref="ConsolePushSequencer"/>.
/// </summary>
[SiloLocalPlacement, Reentrant]
public sealed class ConsoleRelayGrain(ConsolePushSequencer consoles, ILocalSiloDetails silo) : Grain, IConsoleRelayGrain
{
    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        // Placement puts it here; refuse to run anywhere else rather than push to the wrong consoles.
        if (this.GetPrimaryKeyString() != silo.SiloAddress.ToParsableString())
        {
            throw new InvalidOperationException($"Console relay {this.GetPrimaryKeyString()} activated on silo {silo.SiloAddress}.");
        }

        return Task.CompletedTask;
    }

    public Task Push(ConsolePush push)
    {
        consoles.Enqueue(push);
        return Task.CompletedTask;
    }
}
