using System.Threading.Channels;
using CareIoT.Contracts;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CareIoT.Ingestion;

/// <summary>
/// Processes inbound messages in parallel partitions keyed by device, so each device's messages
/// stay in order. A message is acknowledged only after the grains accepted it or it was
/// dead-lettered; a failure (a store down) is retried with back-off until it succeeds, and the
/// message stays unacknowledged meanwhile, so the broker redelivers it if this process dies.
/// </summary>
public sealed class IngestPipeline(
    DeviceMessageRouter router,
    IGrainFactory grains,
    IDeadLetterStore deadLetters,
    IngestStats stats,
    IOptions<MqttIngestOptions> options,
    TimeProvider time,
    ILogger<IngestPipeline> logger)
{
    // A store back from an outage is used within a second: an alarm must not sleep through its return.
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(1);

    private Channel<InboundMessage>[] _partitions = [];
    private Task[] _workers = [];

    /// <summary>Starts the partitions' workers: <paramref name="partitions"/> of them, or as configured.</summary>
    public void Start(CancellationToken stoppingToken, int? partitions = null)
    {
        var count = Math.Max(1, partitions ?? options.Value.Partitions);
        _partitions = [.. Enumerable.Range(0, count).Select(_ => Channel.CreateBounded<InboundMessage>(256))];
        _workers = [.. _partitions.Select(p => Task.Run(() => RunPartitionAsync(p.Reader, stoppingToken), CancellationToken.None))];
    }

    /// <summary>Queues a message; waits when its partition is full, which pushes back on the broker connection.</summary>
    public ValueTask EnqueueAsync(InboundMessage message, CancellationToken cancellationToken)
    {
        if (_partitions.Length == 0)
        {
            throw new InvalidOperationException("The ingest pipeline is not started.");
        }

        stats.Received();
        var key = router.PartitionKey(message.Topic);
        var partition = _partitions[(int)((uint)StringComparer.Ordinal.GetHashCode(key) % (uint)_partitions.Length)];
        return partition.Writer.WriteAsync(message, cancellationToken);
    }

    public Task StopAsync()
    {
        foreach (var partition in _partitions)
        {
            partition.Writer.TryComplete();
        }

        return Task.WhenAll(_workers);
    }

    private async Task RunPartitionAsync(ChannelReader<InboundMessage> reader, CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var message in reader.ReadAllAsync(stoppingToken))
            {
                await ProcessUntilDoneAsync(message, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down: whatever was not acknowledged is redelivered by the broker.
        }
    }

    private async Task ProcessUntilDoneAsync(InboundMessage message, CancellationToken stoppingToken)
    {
        var backoff = TimeSpan.FromMilliseconds(100);
        DeviceMessage? held;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                held = await ProcessAsync(message, stoppingToken);
                break;
            }
            catch (Exception ex) when (stoppingToken.IsCancellationRequested)
            {
                // Shutting down mid-failure: leave it unacknowledged; the broker redelivers it.
                logger.LogInformation(ex, "Left {Topic} unacknowledged at shutdown", message.Topic);
                return;
            }
            catch (Exception ex)
            {
                stats.Retried();
                logger.LogError(ex, "Processing {Topic} failed (attempt {Attempt}); not acknowledged, retrying in {Backoff}",
                    message.Topic, attempt, backoff);
                await Task.Delay(backoff, time, stoppingToken);
                backoff = TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, MaxBackoff.Ticks));
            }
        }

        await AcknowledgeAsync(message, stoppingToken);
        if (held is not null && message.SendReceiptAsync is { } sendReceipt)
        {
            await SendReceiptAsync(sendReceipt, held);
        }
    }

    /// <summary>
    /// One attempt: decode, deliver or dead-letter. Throws when a store is unavailable. Returns the
    /// message if the grains hold it (accepted now, or before: a repeat), which earns its receipt.
    /// </summary>
    internal async Task<DeviceMessage?> ProcessAsync(InboundMessage message, CancellationToken cancellationToken)
    {
        var decoded = router.Decode(message.Topic, message.Payload, message.PayloadSize, message.ReceivedAt);
        if (decoded.Skipped)
        {
            stats.Skipped();
            return null;
        }

        if (decoded.Message is not { } deviceMessage)
        {
            await DeadLetterAsync(message, decoded.DeviceId, decoded.Reason!.Value, decoded.Detail, cancellationToken);
            return null;
        }

        var result = await grains.GetGrainByKey<IDeviceGrain>(deviceMessage.DeviceId).Receive(deviceMessage);
        switch (result.Outcome)
        {
            case DeliveryOutcome.UnknownDevice:
                await DeadLetterAsync(message, deviceMessage.DeviceId, RejectReason.UnknownDevice,
                    "no device with this id is registered", cancellationToken);
                break;
            case DeliveryOutcome.WrongGateway:
                await DeadLetterAsync(message, deviceMessage.DeviceId, RejectReason.WrongGateway,
                    $"the device is not bound to gateway '{deviceMessage.GatewayId ?? "(none)"}'", cancellationToken);
                break;
            case DeliveryOutcome.Duplicate:
                stats.Duplicate();
                return deviceMessage;
            default:
                stats.Accepted();
                return deviceMessage;
        }

        return null;
    }

    private async Task SendReceiptAsync(Func<string, string, Task> sendReceipt, DeviceMessage held)
    {
        try
        {
            await sendReceipt(held.DeviceId, held.MessageId);
        }
        catch (Exception ex)
        {
            // The device sends the event again; the grain drops the repeat and it is answered then.
            logger.LogDebug(ex, "Receipt for {DeviceId}/{MessageId} not sent", held.DeviceId, held.MessageId);
        }
    }

    private async Task DeadLetterAsync(
        InboundMessage message, string? deviceId, RejectReason reason, string detail, CancellationToken cancellationToken)
    {
        var kept = message.Payload.AsSpan(0, Math.Min(message.Payload.Length, options.Value.MaxPayloadBytes)).ToArray();
        await deadLetters.AddAsync(
            new DeadLetter(message.ReceivedAt, "mqtt", message.Topic, deviceId, reason.ToString(), detail, kept, message.PayloadSize),
            cancellationToken);
        stats.Rejected(reason);
        logger.LogWarning("Rejected message from device {DeviceId} on {Topic}: {Reason} ({Detail})",
            deviceId ?? "(none)", message.Topic, reason, detail);
    }

    private async Task AcknowledgeAsync(InboundMessage message, CancellationToken cancellationToken)
    {
        try
        {
            await message.AcknowledgeAsync(cancellationToken);
        }
        catch (Exception ex)
        {
            // The connection dropped since: the broker redelivers and the grains drop the duplicate.
            logger.LogDebug(ex, "Could not acknowledge {Topic}; the broker will redeliver it", message.Topic);
        }
    }
}
