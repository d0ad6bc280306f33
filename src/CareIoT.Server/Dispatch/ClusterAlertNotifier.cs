using System.Collections.Concurrent;
using CareIoT.Contracts;

namespace CareIoT.Server.Dispatch;

/// <summary>
/// Pushes alert changes to the consoles of every silo through the cluster itself: this silo's
/// consoles directly, every other active silo's through its <see cref="IConsoleRelayGrain"/> (one
/// ordered <see cref="SiloPushQueue"/> per silo). Nothing here touches Redis, so consoles hear of
/// alerts while it is down. The caller waits until every healthy silo has taken the push (about a
/// millisecond), so a message is acknowledged to the broker only once the consoles have it; it
/// never waits for a silo whose last push failed, and never longer than <see cref="MaxWait"/>.
/// </summary>
public sealed class ClusterAlertNotifier(
    ConsolePushSequencer local,
    IClusterMembershipService membership,
    ILocalSiloDetails silo,
    IGrainFactory grains,
    ILogger<ClusterAlertNotifier> logger) : IAlertNotifier
{
    private static readonly TimeSpan MaxWait = TimeSpan.FromMilliseconds(500);

    private readonly ConcurrentDictionary<SiloAddress, SiloPushQueue> _remote = new();

    public Task AlertChangedAsync(AlertSnapshot alert, CancellationToken cancellationToken) => FanOutAsync(new ConsolePush(alert, Escalated: false));

    public Task AlertEscalatedAsync(AlertSnapshot alert, CancellationToken cancellationToken) => FanOutAsync(new ConsolePush(alert, Escalated: true));

    private async Task FanOutAsync(ConsolePush push)
    {
        local.Enqueue(push);
        var taken = new List<Task>();
        foreach (var member in membership.CurrentSnapshot.Members.Values)
        {
            if (member.Status == SiloStatus.Active && !member.SiloAddress.Equals(silo.SiloAddress))
            {
                var queue = _remote.GetOrAdd(member.SiloAddress, Start);
                var delivered = queue.Enqueue(push);
                if (queue.Healthy)
                {
                    taken.Add(delivered);
                }
            }
        }

        if (taken.Count > 0)
        {
            // Task.WhenAll never throws here: a queue reports failure as a completed task.
            await Task.WhenAll(taken).WaitAsync(MaxWait).ContinueWith(_ => { }, TaskScheduler.Default);
        }
    }

    private SiloPushQueue Start(SiloAddress target)
    {
        var queue = new SiloPushQueue(
            target, grains.GetGrain<IConsoleRelayGrain>(target.ToParsableString()),
            () => membership.CurrentSnapshot.GetSiloStatus(target) == SiloStatus.Active, logger);
        // Off any grain's scheduler: the relay calls must not run on the grain that raised the alert.
        _ = Task.Run(async () =>
        {
            await queue.RunAsync();
            _remote.TryRemove(target, out _);
        });
        return queue;
    }
}
