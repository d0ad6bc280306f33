namespace CareIoT.Contracts;

/// <summary>The digital twin of one physical device, keyed by its device id.</summary>
public interface IDeviceGrain : IGrainWithStringKey
{
    /// <summary>
    /// Turns a decoded message into events for the site the device is bound to. Completes only
    /// once every effect is durable, so the caller may then acknowledge the MQTT message; throws
    /// when a store is unavailable, in which case the caller must not acknowledge.
    /// </summary>
    Task<DeliveryResult> Receive(DeviceMessage message);

    /// <summary>
    /// <see cref="Receive"/> for consecutive messages of this device, in order, with one call to its site
    /// for all of their events. Returns one outcome per message (no alert: the telemetry lane sends no
    /// receipts). Completes once every effect is durable; throws, with nothing kept, when a store is
    /// unavailable, and the caller retries the whole batch (repeats of messages already seen are dropped).
    /// </summary>
    Task<DeliveryOutcome[]> ReceiveBatch(DeviceMessageBatch batch);

    /// <summary>Replaces the cached binding after the installer changed the registry.</summary>
    Task Rebind(DeviceBinding? binding);

    /// <summary>Online state, last heartbeat, battery, signal and condition.</summary>
    Task<DeviceHealth> GetHealth();

    /// <summary>
    /// The supervision check its reminder runs: a device silent for longer than its offline
    /// threshold goes offline (a technical alert). Idempotent; callable at any time.
    /// </summary>
    Task Supervise();
}
