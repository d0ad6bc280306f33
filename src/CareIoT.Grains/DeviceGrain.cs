using CareIoT.Contracts;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CareIoT.Grains;

/// <summary>
/// One physical device. Knows its binding (from the registry), turns its messages into events
/// for its site, and supervises it: a reminder (which survives restarts) checks that it has been
/// heard from within its offline threshold. Nothing is written per heartbeat.
/// </summary>
public sealed class DeviceGrain(
    IDeviceRegistry registry,
    IOptions<SupervisionOptions> supervision,
    ITelemetryRecorder telemetry,
    TimeProvider time,
    ILogger<DeviceGrain> logger) : Grain, IDeviceGrain, IRemindable
{
    private const string SupervisionReminder = "supervision";

    /// <summary>The cause recorded when supervision, not the device, ends its online time.</summary>
    public const string SilentCause = "Silent";

    // An unknown id is looked up again at most this often, so a misconfigured device cannot hammer the registry.
    private static readonly TimeSpan UnknownRecheck = TimeSpan.FromSeconds(30);

    private readonly RecentMessageIds _recent = new(capacity: 64);
    private DeviceCondition _condition = new();
    private DeviceBinding? _binding;
    private DateTimeOffset _lookedUpAt = DateTimeOffset.MinValue;
    private bool _supervised;

    public async Task<DeliveryResult> Receive(DeviceMessage message)
    {
        var outcomes = await ReceiveInOrder([message]);
        return new DeliveryResult(outcomes.Outcomes[0], outcomes.Alert);
    }

    public async Task<DeliveryOutcome[]> ReceiveBatch(DeviceMessageBatch batch) => (await ReceiveInOrder(batch.Messages)).Outcomes;

    /// <summary>
    /// The messages in order against a working copy of the device's condition; their events go to the site
    /// in one call, and only when that succeeded are the condition and the seen message ids kept, so a
    /// batch that threw is processed again whole when it is redelivered.
    /// </summary>
    private async Task<(DeliveryOutcome[] Outcomes, AlertSnapshot? Alert)> ReceiveInOrder(DeviceMessage[] messages)
    {
        var outcomes = new DeliveryOutcome[messages.Length];
        var binding = await GetBinding();
        if (binding is null)
        {
            Array.Fill(outcomes, DeliveryOutcome.UnknownDevice);
            return (outcomes, null);
        }

        await EnsureSupervised(binding);
        var next = _condition.Copy();
        List<DeviceEvent>? events = null;
        List<DeviceMessage>? accepted = null;
        for (var i = 0; i < messages.Length; i++)
        {
            var message = messages[i];
            if (binding.GatewayId != message.GatewayId)
            {
                outcomes[i] = DeliveryOutcome.WrongGateway;
                continue;
            }

            if (_recent.Contains(message.MessageId) || accepted?.Exists(m => m.MessageId == message.MessageId) == true)
            {
                logger.LogDebug("Dropped redelivered message {MessageId} of device {DeviceId}", message.MessageId, message.DeviceId);
                outcomes[i] = DeliveryOutcome.Duplicate;
                continue;
            }

            var derived = DeviceEventDeriver.Derive(message, next, supervision.Value.LowBatteryPercent, supervision.Value.BatteryOkPercent);
            if (derived.Count > 0)
            {
                (events ??= []).AddRange(derived);
            }

            if (message.Type != DeviceMessageType.Offline)
            {
                next.LastSeen = message.ReceivedAt;
            }

            (accepted ??= []).Add(message);
            outcomes[i] = DeliveryOutcome.Accepted;
        }

        var alert = events is null ? null : await GrainFactory.Site(binding.Site).Handle(events, binding);
        foreach (var message in accepted ?? [])
        {
            telemetry.DeviceMessage(binding, message);
        }

        if (next.Online != _condition.Online)
        {
            var last = accepted![^1];
            telemetry.DeviceOnline(binding, next.Online, last.ReceivedAt, last.Type.ToString());
            logger.LogInformation("Device {DeviceId} is {State}", binding.DeviceId, next.Online ? "back online" : "offline");
        }

        _condition = next;

        // Only now: messages whose handling threw must be processed again when they are redelivered.
        foreach (var message in accepted ?? [])
        {
            _recent.Add(message.MessageId);
        }

        return (outcomes, alert);
    }

    public Task Rebind(DeviceBinding? binding)
    {
        _binding = binding;
        _lookedUpAt = time.GetUtcNow();
        return Task.CompletedTask;
    }

    public async Task<DeviceHealth> GetHealth()
    {
        var binding = await GetBinding();
        var offlineAfter = binding is null ? TimeSpan.Zero : supervision.Value.OfflineAfter(binding);
        var c = _condition;
        return new DeviceHealth(this.GetPrimaryKeyString(), c.Online, c.LastSeen, offlineAfter, c.BatteryPercent, c.BatteryLow,
            c.SignalDbm, c.LinkQuality, c.Firmware, c.Smoke, c.Tamper, c.Fault);
    }

    public async Task Supervise()
    {
        var binding = await GetBinding();
        if (binding is null || !_condition.Online)
        {
            return;
        }

        // After an activation (e.g. a restart) the device gets a full threshold from then on.
        _condition.LastSeen ??= time.GetUtcNow();
        var now = time.GetUtcNow();
        var offlineAfter = supervision.Value.OfflineAfter(binding);
        if (now - _condition.LastSeen.Value <= offlineAfter)
        {
            return;
        }

        var sourceKey = $"{binding.DeviceId}/supervision/{_condition.LastSeen.Value.UtcTicks}";
        logger.LogWarning("Device {DeviceId} silent since {LastSeen} (threshold {OfflineAfter}): offline", binding.DeviceId, _condition.LastSeen, offlineAfter);
        await GrainFactory.Site(binding.Site).Handle([new DeviceEvent(DeviceEventKind.WentOffline, binding.DeviceId, sourceKey, now)], binding);
        _condition.Online = false;
        telemetry.DeviceOnline(binding, false, now, SilentCause);
    }

    public Task ReceiveReminder(string reminderName, TickStatus status) =>
        reminderName == SupervisionReminder ? Supervise() : Task.CompletedTask;

    private async Task EnsureSupervised(DeviceBinding binding)
    {
        if (_supervised)
        {
            return;
        }

        var offlineAfter = supervision.Value.OfflineAfter(binding);
        var period = TimeSpan.FromTicks(Math.Clamp(offlineAfter.Ticks / 3, TimeSpan.FromMinutes(1).Ticks, TimeSpan.FromMinutes(15).Ticks));
        try
        {
            if (await this.GetReminder(SupervisionReminder) is null)
            {
                await this.RegisterOrUpdateReminder(SupervisionReminder, period, period);
            }

            _supervised = true;
        }
        catch (Exception ex)
        {
            // The reminder lives in Redis: the device's message must not wait for it. The next message tries again.
            logger.LogWarning(ex, "Device {DeviceId}: supervision reminder not stored yet", this.GetPrimaryKeyString());
        }
    }

    private async Task<DeviceBinding?> GetBinding()
    {
        if (_binding is not null || time.GetUtcNow() - _lookedUpAt < UnknownRecheck)
        {
            return _binding;
        }

        _binding = await registry.FindAsync(this.GetPrimaryKeyString(), CancellationToken.None);
        _lookedUpAt = time.GetUtcNow();
        return _binding;
    }
}
