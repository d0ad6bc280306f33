using CareIoT.Contracts;
using Microsoft.Extensions.Logging;

namespace CareIoT.Grains;

/// <summary>
/// One physical device. Knows which site it is bound to (from the registry) and forwards its
/// messages there. Holds no persisted state: the registry is the source of truth.
/// </summary>
public sealed class DeviceGrain(IDeviceRegistry registry, TimeProvider time, ILogger<DeviceGrain> logger)
    : Grain, IDeviceGrain
{
    // An unknown id is looked up again at most this often, so a misconfigured device cannot hammer the registry.
    private static readonly TimeSpan UnknownRecheck = TimeSpan.FromSeconds(30);

    private readonly RecentMessageIds _recent = new(capacity: 64);
    private DeviceBinding? _binding;
    private DateTimeOffset _lookedUpAt = DateTimeOffset.MinValue;

    public async Task<DeliveryResult> Receive(DeviceMessage message)
    {
        var binding = await GetBinding();
        if (binding is null)
        {
            return new DeliveryResult(DeliveryOutcome.UnknownDevice);
        }

        if (_recent.Contains(message.MessageId))
        {
            logger.LogDebug("Dropped redelivered message {MessageId} of device {DeviceId}", message.MessageId, message.DeviceId);
            return new DeliveryResult(DeliveryOutcome.Duplicate);
        }

        var result = await Site(binding.Site).Handle(message, binding);
        // Only now: a message whose handling threw must be processed again when it is redelivered.
        _recent.Add(message.MessageId);
        return result;
    }

    public Task Rebind(DeviceBinding? binding)
    {
        _binding = binding;
        _lookedUpAt = time.GetUtcNow();
        return Task.CompletedTask;
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

    private ISiteGrain Site(SiteRef site) => site.Kind switch
    {
        SiteKind.Household => GrainFactory.GetGrain<IHouseholdGrain>(site.Id),
        SiteKind.Bed => GrainFactory.GetGrain<IBedGrain>(site.Id),
        _ => throw new InvalidOperationException($"Unknown site kind {site.Kind}"),
    };
}
