namespace CareIoT.Contracts;

/// <summary>The digital twin of one physical device, keyed by its device id.</summary>
public interface IDeviceGrain : IGrainWithStringKey
{
    /// <summary>
    /// Routes a decoded message to the site the device is bound to. Completes only once every
    /// effect is durable, so the caller may then acknowledge the MQTT message; throws when a
    /// store is unavailable, in which case the caller must not acknowledge.
    /// </summary>
    Task<DeliveryResult> Receive(DeviceMessage message);

    /// <summary>Replaces the cached binding after the installer changed the registry.</summary>
    Task Rebind(DeviceBinding? binding);
}
