namespace CareIoT.Contracts;

/// <summary>What households and beds share: they run alert rules on their devices' messages.</summary>
public interface ISiteGrain : IAddressable
{
    /// <summary>
    /// Runs the site's rules on one message from a bound device. An alert it raises is in the
    /// journal and in the grain's state before this completes.
    /// </summary>
    Task<DeliveryResult> Handle(DeviceMessage message, DeviceBinding binding);

    /// <summary>The alerts of this site that are not yet closed.</summary>
    Task<IReadOnlyList<AlertSnapshot>> GetOpenAlerts();
}
