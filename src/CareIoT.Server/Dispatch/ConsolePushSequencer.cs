using System.Threading.Channels;
using Microsoft.AspNetCore.SignalR;

namespace CareIoT.Server.Dispatch;

/// <summary>
/// Sends alert pushes to this silo's consoles one at a time, each with the next number of this
/// silo's sequence, and a heartbeat carrying the last number every <see cref="HeartbeatEvery"/>.
/// A console that sees a number skipped (in a push or a heartbeat) reads the queue again at once,
/// so a lost push costs at most one heartbeat, not the next periodic pull.
/// </summary>
public sealed class ConsolePushSequencer(IHubContext<DispatchHub, IDispatchClient> hub, IHubContext<RelativeHub> relatives, ILogger<ConsolePushSequencer> logger)
    : BackgroundService
{
    public static readonly TimeSpan HeartbeatEvery = TimeSpan.FromSeconds(2);

    private readonly Channel<ConsolePush?> _pending = Channel.CreateUnbounded<ConsolePush?>(new UnboundedChannelOptions { SingleReader = true });
    private long _sequence;

    /// <summary>The number of the last push handed to the consoles (0 before the first).</summary>
    public long CurrentSequence => Interlocked.Read(ref _sequence);

    public void Enqueue(ConsolePush push) => _pending.Writer.TryWrite(push);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var beating = BeatAsync(stoppingToken);
        try
        {
            await foreach (var push in _pending.Reader.ReadAllAsync(stoppingToken))
            {
                await SendAsync(push);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }

        await beating;
    }

    private async Task SendAsync(ConsolePush? push)
    {
        try
        {
            if (push is null)
            {
                await hub.Clients.All.Heartbeat(CurrentSequence);
                return;
            }

            // The number is taken before the send: a console that missed this push still learns of it.
            var sequence = Interlocked.Increment(ref _sequence);
            await (push.Escalated
                ? hub.Clients.All.AlertEscalated(push.Alert, sequence)
                : hub.Clients.All.AlertChanged(push.Alert, sequence));
        }
        catch (Exception ex)
        {
            logger.LogWarning(ex, "Could not push to this silo's consoles; they resynchronise at the next heartbeat");
        }

        if (push?.Alert is { Site.Kind: Contracts.SiteKind.Household } alert)
        {
            try
            {
                // The elder's relatives connected to this silo hear it too (their page reads the alerts again).
                await relatives.Clients.Group(RelativeHub.GroupOf(alert.Site.Id)).SendAsync("AlertChanged", alert.AlertId);
            }
            catch (Exception ex)
            {
                logger.LogWarning(ex, "Could not tell the relatives of {Site} about alert {AlertId}; their page polls", alert.Site, alert.AlertId);
            }
        }
    }

    private async Task BeatAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(HeartbeatEvery);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                _pending.Writer.TryWrite(null);
            }
        }
        catch (OperationCanceledException)
        {
        }
    }
}
