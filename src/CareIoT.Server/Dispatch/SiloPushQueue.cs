using System.Threading.Channels;

namespace CareIoT.Server.Dispatch;

/// <summary>
/// The pushes for one other silo's consoles, sent in order through its relay grain, each tried a few
/// times. Ends when that silo has left the cluster. A push that cannot be delivered is logged; that
/// silo's consoles see the skipped number at their next heartbeat and read the queue again.
/// </summary>
public sealed class SiloPushQueue(SiloAddress target, IConsoleRelayGrain relay, Func<bool> isActive, ILogger logger)
{
    private static readonly TimeSpan CallTimeout = TimeSpan.FromSeconds(2);
    private const int Attempts = 3;

    private readonly Channel<(ConsolePush Push, TaskCompletionSource Taken)> _pending =
        Channel.CreateUnbounded<(ConsolePush, TaskCompletionSource)>(new UnboundedChannelOptions { SingleReader = true });

    /// <summary>Whether the last push reached that silo (callers wait only for healthy silos).</summary>
    public bool Healthy { get; private set; } = true;

    /// <summary>Queues a push; the task completes when that silo took it, or gave up on it (never faults).</summary>
    public Task Enqueue(ConsolePush push)
    {
        var taken = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        if (!_pending.Writer.TryWrite((push, taken)))
        {
            taken.TrySetResult();
        }

        return taken.Task;
    }

    public async Task RunAsync()
    {
        while (await _pending.Reader.WaitToReadAsync())
        {
            if (!isActive())
            {
                break;
            }

            while (_pending.Reader.TryRead(out var item))
            {
                Healthy = await SendAsync(item.Push);
                item.Taken.TrySetResult();
            }
        }

        _pending.Writer.TryComplete();
        while (_pending.Reader.TryRead(out var left))
        {
            left.Taken.TrySetResult();
        }

        logger.LogInformation("Stopped relaying console pushes to silo {Silo}: it has left the cluster", target);
    }

    private async Task<bool> SendAsync(ConsolePush push)
    {
        for (var attempt = 1; attempt <= Attempts && isActive(); attempt++)
        {
            try
            {
                await relay.Push(push).WaitAsync(CallTimeout);
                return true;
            }
            catch (Exception ex) when (attempt < Attempts)
            {
                logger.LogDebug(ex, "Relay of alert {AlertId} to silo {Silo} failed (attempt {Attempt})", push.Alert.AlertId, target, attempt);
                await Task.Delay(TimeSpan.FromMilliseconds(200 * attempt));
            }
            catch (Exception ex)
            {
                logger.LogWarning(ex, "Could not relay alert {AlertId} to the consoles of silo {Silo}", push.Alert.AlertId, target);
            }
        }

        return false;
    }
}
