using CareIoT.Contracts;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CareIoT.PanelReceiver;

/// <summary>
/// Refused frames kept for inspection (source <c>dc09</c>, topic = transport and remote address),
/// at most <see cref="PanelReceiverOptions.DeadLettersPerSecond"/> a second: a flood of garbage is
/// counted in full but cannot fill the database. A store that is down costs the letter, never the listener.
/// </summary>
public sealed class PanelDeadLetters(
    IDeadLetterStore store, PanelReceiverStats stats, IOptions<PanelReceiverOptions> options, TimeProvider time, ILogger<PanelDeadLetters> logger)
{
    private readonly Lock _gate = new();
    private long _second;
    private int _written;

    public async Task AddAsync(byte[] bytes, string transport, string remote, string? account, string reason, CancellationToken cancellationToken)
    {
        if (!TakeBudget())
        {
            stats.Count("deadletters.suppressed");
            return;
        }

        try
        {
            var kept = bytes.AsSpan(0, Math.Min(bytes.Length, options.Value.MaxFrameBytes)).ToArray();
            await store.AddAsync(new DeadLetter(time.GetUtcNow(), "dc09", $"{transport}/{remote}", account, reason, $"DC-09 frame refused: {reason}",
                kept, bytes.Length), cancellationToken);
            stats.Count("deadletters");
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            stats.Count("deadletters.failed");
            logger.LogError(ex, "Could not store the dead letter of a refused DC-09 frame ({Reason})", reason);
        }
    }

    private bool TakeBudget()
    {
        var second = time.GetUtcNow().ToUnixTimeSeconds();
        lock (_gate)
        {
            if (second != _second)
            {
                (_second, _written) = (second, 0);
            }

            return ++_written <= options.Value.DeadLettersPerSecond;
        }
    }
}
