using System.Collections.Concurrent;
using System.Threading.Channels;
using CareIoT.Contracts;

namespace CareIoT.Server.Dispatch;

/// <summary>
/// Pushes alert changes to the consoles of every silo through the cluster itself: this silo's
/// consoles directly, every other active silo's through its <see cref="IConsoleRelayGrain"/>, one
/// ordered queue per silo. Nothing here touches Redis, so consoles hear of alerts while it is down.
/// Never waits for another silo: a slow or dying one cannot hold up the alarm path.
/// </summary>
public sealed class ClusterAlertNotifier(
    ConsolePushSequencer local,
    IClusterMembershipService membership,
    ILocalSiloDetails silo,
    IGrainFactory grains,
    ILogger<ClusterAlertNotifier> logger) : IAlertNotifier
{
    private static readonly TimeSpan CallTimeout = TimeSpan.FromSeconds(2);
    private const int Attempts = 3;

    private readonly ConcurrentDictionary<SiloAddress, Channel<ConsolePush>> _remote = new();

    public Task AlertChangedAsync(AlertSnapshot alert, CancellationToken cancellationToken) => FanOut(new ConsolePush(alert, Escalated: false));

    public Task AlertEscalatedAsync(AlertSnapshot alert, CancellationToken cancellationToken) => FanOut(new ConsolePush(alert, Escalated: true));

    private Task FanOut(ConsolePush push)
    {
        local.Enqueue(push);
        foreach (var member in membership.CurrentSnapshot.Members.Values)
        {
            if (member.Status == SiloStatus.Active && !member.SiloAddress.Equals(silo.SiloAddress))
            {
                QueueFor(member.SiloAddress).Writer.TryWrite(push);
            }
        }

        return Task.CompletedTask;
    }

    private Channel<ConsolePush> QueueFor(SiloAddress target) =>
        _remote.GetOrAdd(target, address =>
        {
            var queue = Channel.CreateUnbounded<ConsolePush>(new UnboundedChannelOptions { SingleReader = true });
            // Off any grain's scheduler: the relay calls must not hold up the grain that raised the alert.
            _ = Task.Run(() => RelayAsync(address, queue.Reader));
            return queue;
        });

    /// <summary>Sends one silo's pushes in order; ends when that silo has left the cluster.</summary>
    private async Task RelayAsync(SiloAddress target, ChannelReader<ConsolePush> pushes)
    {
        var relay = grains.GetGrain<IConsoleRelayGrain>(target.ToParsableString());
        while (await pushes.WaitToReadAsync())
        {
            if (!IsActive(target))
            {
                break;
            }

            if (pushes.TryPeek(out var push))
            {
                await SendAsync(relay, target, push);
                pushes.TryRead(out _);
            }
        }

        _remote.TryRemove(target, out _);
        logger.LogInformation("Stopped relaying console pushes to silo {Silo}: it has left the cluster", target);
    }

    private async Task SendAsync(IConsoleRelayGrain relay, SiloAddress target, ConsolePush push)
    {
        for (var attempt = 1; attempt <= Attempts && IsActive(target); attempt++)
        {
            try
            {
                await relay.Push(push).WaitAsync(CallTimeout);
                return;
            }
            catch (Exception ex)
            {
                if (attempt == Attempts)
                {
                    // Its consoles find the gap at their next heartbeat and read the queue from the journal.
                    logger.LogWarning(ex, "Could not relay alert {AlertId} to the consoles of silo {Silo}", push.Alert.AlertId, target);
                    return;
                }

                await Task.Delay(TimeSpan.FromMilliseconds(200 * attempt));
            }
        }
    }

    private bool IsActive(SiloAddress target) => membership.CurrentSnapshot.GetSiloStatus(target) == SiloStatus.Active;
}
