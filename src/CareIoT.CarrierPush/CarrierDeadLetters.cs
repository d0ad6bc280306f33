using System.Text;
using CareIoT.Contracts;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CareIoT.CarrierPush;

/// <summary>
/// Refused pushes and records kept for inspection (source <c>onenet</c> or <c>ctwing</c>, topic = route and
/// remote address), at most <see cref="CarrierPushOptions.DeadLettersPerSecond"/> a second. A store that is
/// down costs the letter, never the receiver's answer. Every refusal is counted either way.
/// </summary>
public sealed class CarrierDeadLetters(
    IDeadLetterStore store, CarrierPushStats stats, IOptions<CarrierPushOptions> options, TimeProvider time, ILogger<CarrierDeadLetters> logger)
{
    private const int KeptBytes = 4096;
    private readonly Lock _gate = new();
    private long _second;
    private int _written;

    public Task AddAsync(CarrierPlatform platform, string origin, string? deviceKey, CarrierRejectReason reason, string detail, string raw, CancellationToken cancellationToken) =>
        AddAsync(platform, origin, deviceKey, reason, detail, Encoding.UTF8.GetBytes(raw), cancellationToken);

    public async Task AddAsync(CarrierPlatform platform, string origin, string? deviceKey, CarrierRejectReason reason, string detail, ReadOnlyMemory<byte> payload,
        CancellationToken cancellationToken)
    {
        stats.Rejected(platform, reason);
        logger.LogWarning("Refused {Platform} push from {Origin} for {Device}: {Reason} ({Detail})", platform, origin, deviceKey ?? "(none)", reason, detail);
        if (!TakeBudget())
        {
            stats.Count(platform, "deadletters.suppressed");
            return;
        }

        try
        {
            await store.AddAsync(new DeadLetter(time.GetUtcNow(), platform.Name(), origin, deviceKey, reason.ToString(), detail,
                payload.Span[..Math.Min(payload.Length, KeptBytes)].ToArray(), payload.Length), cancellationToken);
            stats.Count(platform, "deadletters");
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            stats.Count(platform, "deadletters.failed");
            logger.LogError(ex, "Could not store the dead letter of a refused {Platform} push ({Reason})", platform, reason);
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
