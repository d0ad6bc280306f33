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
    AlarmPrecedence precedence,
    IOptions<MqttIngestOptions> options,
    TimeProvider time,
    ILogger<IngestPipeline> logger)
{
    // A store back from an outage is used within a second: an alarm must not sleep through its return.
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(1);

    private Channel<InboundMessage>[] _partitions = [];
    private Task[] _workers = [];
    private IngestLane _lane = IngestLane.Alarms;

    /// <summary>Starts the partitions' workers for <paramref name="lane"/>: <paramref name="partitions"/> of them, or the lane's, or as configured.</summary>
    public void Start(CancellationToken stoppingToken, IngestLane? lane = null, int? partitions = null)
    {
        _lane = lane ?? IngestLane.Alarms;
        var count = Math.Max(1, partitions ?? _lane.Partitions ?? options.Value.Partitions);
        _partitions = [.. Enumerable.Range(0, count).Select(_ => Channel.CreateBounded<InboundMessage>(256))];
        _workers = [.. _partitions.Select(p => Task.Run(() => RunPartitionAsync(p.Reader, stoppingToken), CancellationToken.None))];
        stats.Watch(this, _lane);
    }

    /// <summary>How many messages wait in the partitions now.</summary>
    public int Backlog => _partitions.Sum(p => p.Reader.Count);

    /// <summary>Queues a message; waits when its partition is full, which pushes back on the broker connection.</summary>
    public ValueTask EnqueueAsync(InboundMessage message, CancellationToken cancellationToken)
    {
        if (_partitions.Length == 0)
        {
            throw new InvalidOperationException("The ingest pipeline is not started.");
        }

        stats.Received(_lane);
        var key = router.PartitionKey(message.Topic);
        var partition = _partitions[(int)((uint)StringComparer.Ordinal.GetHashCode(key) % (uint)_partitions.Length)];
        return partition.Writer.WriteAsync(message, cancellationToken);
    }

    public Task StopAsync()
    {
        stats.Forget(this);
        foreach (var partition in _partitions)
        {
            partition.Writer.TryComplete();
        }

        return Task.WhenAll(_workers);
    }

    private async Task RunPartitionAsync(ChannelReader<InboundMessage> reader, CancellationToken stoppingToken)
    {
        var batch = new List<InboundMessage>(_lane.BatchSize);
        try
        {
            while (await reader.WaitToReadAsync(stoppingToken))
            {
                if (_lane.YieldsToAlarms)
                {
                    await precedence.WaitForAlarmsAsync(stoppingToken);
                }

                batch.Clear();
                while (batch.Count < _lane.BatchSize && reader.TryRead(out var message))
                {
                    batch.Add(message);
                }

                if (batch.Count == 1 || _lane.BatchSize == 1)
                {
                    foreach (var message in batch)
                    {
                        using var _ = _lane.YieldsToAlarms ? default : precedence.Enter();
                        await ProcessUntilDoneAsync(message, stoppingToken);
                    }
                }
                else
                {
                    await ProcessBatchAsync(batch, stoppingToken);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down: whatever was not acknowledged is redelivered by the broker.
        }
    }

    /// <summary>
    /// Several messages of one partition: decoded, each device's in order handed to its grain in one
    /// call, dead letters written, then all acknowledged. Each step is retried until it succeeds.
    /// </summary>
    private async Task ProcessBatchAsync(List<InboundMessage> batch, CancellationToken stoppingToken)
    {
        var byDevice = new Dictionary<string, List<(InboundMessage Inbound, DeviceMessage Message)>>(StringComparer.Ordinal);
        foreach (var inbound in batch)
        {
            var decoded = router.Decode(inbound.Topic, inbound.Payload, inbound.PayloadSize, inbound.ReceivedAt);
            if (decoded.Skipped)
            {
                stats.Skipped(_lane);
            }
            else if (decoded.Message is not { } message)
            {
                if (!await RetryUntilDoneAsync(inbound.Topic, () => DeadLetterAsync(inbound, decoded.DeviceId, decoded.Reason!.Value, decoded.Detail, stoppingToken), stoppingToken))
                {
                    return;
                }
            }
            else if (byDevice.TryGetValue(message.DeviceId, out var run))
            {
                run.Add((inbound, message));
            }
            else
            {
                byDevice[message.DeviceId] = [(inbound, message)];
            }
        }

        foreach (var (deviceId, run) in byDevice)
        {
            DeliveryOutcome[] outcomes = [];
            var delivered = await RetryUntilDoneAsync(run[0].Inbound.Topic, async () =>
                outcomes = await grains.GetGrainByKey<IDeviceGrain>(deviceId).ReceiveBatch(new DeviceMessageBatch([.. run.Select(r => r.Message)])), stoppingToken);
            if (!delivered)
            {
                return;
            }

            for (var i = 0; i < run.Count; i++)
            {
                if (!CountHeld(outcomes[i], run[i].Message.Type)
                    && !await RetryUntilDoneAsync(run[i].Inbound.Topic, () => CountOrDeadLetterAsync(run[i].Inbound, run[i].Message, outcomes[i], stoppingToken), stoppingToken))
                {
                    return;
                }
            }
        }

        foreach (var inbound in batch)
        {
            await AcknowledgeAsync(inbound, stoppingToken);
            stats.Processed(_lane, time.GetUtcNow() - inbound.ReceivedAt);
        }
    }

    /// <summary>Runs <paramref name="work"/> until it succeeds (back-off up to a second); false when shutting down first.</summary>
    private async Task<bool> RetryUntilDoneAsync(string topic, Func<Task> work, CancellationToken stoppingToken)
    {
        var backoff = TimeSpan.FromMilliseconds(100);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await work();
                return true;
            }
            catch (Exception ex) when (stoppingToken.IsCancellationRequested)
            {
                logger.LogInformation(ex, "Left {Topic} unacknowledged at shutdown", topic);
                return false;
            }
            catch (Exception ex)
            {
                stats.Retried(_lane);
                logger.LogError(ex, "Processing {Topic} failed (attempt {Attempt}); not acknowledged, retrying in {Backoff}", topic, attempt, backoff);
                try
                {
                    await Task.Delay(backoff, time, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return false;
                }

                backoff = TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, MaxBackoff.Ticks));
            }
        }
    }

    private async Task ProcessUntilDoneAsync(InboundMessage message, CancellationToken stoppingToken)
    {
        DeviceMessage? held = null;
        if (!await RetryUntilDoneAsync(message.Topic, async () => held = await ProcessAsync(message, stoppingToken), stoppingToken))
        {
            return; // shutting down: left unacknowledged, the broker redelivers it
        }

        await AcknowledgeAsync(message, stoppingToken);
        stats.Processed(_lane, time.GetUtcNow() - message.ReceivedAt);
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
            stats.Skipped(_lane);
            return null;
        }

        if (decoded.Message is not { } deviceMessage)
        {
            await DeadLetterAsync(message, decoded.DeviceId, decoded.Reason!.Value, decoded.Detail, cancellationToken);
            return null;
        }

        var result = await grains.GetGrainByKey<IDeviceGrain>(deviceMessage.DeviceId).Receive(deviceMessage);
        return await CountOrDeadLetterAsync(message, deviceMessage, result.Outcome, cancellationToken) ? deviceMessage : null;
    }

    /// <summary>Counts a message the grains hold (accepted or a repeat) and says so; false for a refusal, which needs its dead letter.</summary>
    private bool CountHeld(DeliveryOutcome outcome, DeviceMessageType kind)
    {
        switch (outcome)
        {
            case DeliveryOutcome.Accepted:
                stats.Accepted(_lane, kind);
                return true;
            case DeliveryOutcome.Duplicate:
                stats.Duplicate(_lane);
                return true;
            default:
                return false;
        }
    }

    /// <summary>Counts what the grain made of a message, dead-lettering the refused; true if the grains hold it (it earns a receipt).</summary>
    private async Task<bool> CountOrDeadLetterAsync(InboundMessage message, DeviceMessage deviceMessage, DeliveryOutcome outcome, CancellationToken cancellationToken)
    {
        switch (outcome)
        {
            case DeliveryOutcome.UnknownDevice:
                await DeadLetterAsync(message, deviceMessage.DeviceId, RejectReason.UnknownDevice,
                    "no device with this id is registered", cancellationToken);
                return false;
            case DeliveryOutcome.WrongGateway:
                await DeadLetterAsync(message, deviceMessage.DeviceId, RejectReason.WrongGateway,
                    $"the device is not bound to gateway '{deviceMessage.GatewayId ?? "(none)"}'", cancellationToken);
                return false;
            case DeliveryOutcome.Duplicate:
                stats.Duplicate(_lane);
                return true;
            default:
                stats.Accepted(_lane, deviceMessage.Type);
                return true;
        }
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
        stats.Rejected(_lane, reason);
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
