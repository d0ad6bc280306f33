using CareIoT.Contracts;
using Microsoft.Extensions.Options;

namespace CareIoT.CarrierPush;

/// <summary>
/// One accepted record, after its push was answered: replay window, repeat, binding, product, mapping,
/// then the device grain (the same path as an MQTT message, so smoke → fire alert). Refusals are counted and
/// dead-lettered; a store that is down throws, and the caller tries the record again.
/// </summary>
public sealed class CarrierReportProcessor(
    CarrierDeviceDirectory directory,
    CarrierProductMap products,
    RecentPushIds recent,
    IGrainFactory grains,
    CarrierDeadLetters deadLetters,
    CarrierPushStats stats,
    IOptions<CarrierPushOptions> options)
{
    public async Task ProcessAsync(QueuedReport queued, CancellationToken cancellationToken)
    {
        var (report, receivedAt, origin) = queued;
        var platform = report.Platform;
        if (recent.Contains(report.MessageId))
        {
            stats.Count(platform, "duplicates");
            return;
        }

        // Against the time the push was accepted, so a push recovered from the inbox after a restart is no replay.
        if (report.At < receivedAt - options.Value.ReplayWindow || report.At > receivedAt + options.Value.MaxAhead)
        {
            await deadLetters.AddAsync(platform, origin, report.DeviceKey, CarrierRejectReason.Replayed,
                $"platform time {report.At:O} is outside the replay window ({options.Value.ReplayWindow} back, {options.Value.MaxAhead} ahead)", report.Raw, cancellationToken);
            return;
        }

        if (await directory.FindAsync(platform, report.DeviceKey, cancellationToken) is not { } device)
        {
            await deadLetters.AddAsync(platform, origin, report.DeviceKey, CarrierRejectReason.UnknownDevice,
                $"no device is bound to {platform.Name()} id '{report.DeviceKey}'", report.Raw, cancellationToken);
            return;
        }

        if (products.Find(device.Product) is not { } product || product.Platform != platform
            || (product.ProductId is not null && report.ProductId is not null && product.ProductId != report.ProductId))
        {
            await deadLetters.AddAsync(platform, origin, report.DeviceKey, CarrierRejectReason.UnknownProduct,
                $"device {device.DeviceId} is bound as product '{device.Product}', which the product file does not have for {platform.Name()}"
                + (report.ProductId is null ? "" : $" with productId '{report.ProductId}'"), report.Raw, cancellationToken);
            return;
        }

        var messages = CarrierMessageMapper.ToMessages(report, product, device.DeviceId, receivedAt);
        if (messages.Count == 0)
        {
            stats.Count(platform, "offline.ignored");
        }

        foreach (var message in messages)
        {
            var result = await grains.GetGrain<IDeviceGrain>(message.DeviceId).Receive(message);
            switch (result.Outcome)
            {
                case DeliveryOutcome.Accepted:
                    stats.Count(platform, "accepted");
                    break;
                case DeliveryOutcome.Duplicate:
                    stats.Count(platform, "duplicates");
                    break;
                default:
                    await deadLetters.AddAsync(platform, origin, report.DeviceKey, CarrierRejectReason.UnknownDevice,
                        $"device {message.DeviceId} is not in the registry ({result.Outcome})", report.Raw, cancellationToken);
                    return;
            }
        }

        recent.Add(report.MessageId);
    }
}
