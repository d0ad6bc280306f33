namespace CareIoT.Contracts;

/// <summary>What households and beds share: they run alert rules on their devices' events.</summary>
public interface ISiteGrain : IAddressable
{
    /// <summary>
    /// Runs the site's rules on the events one device message caused. An alert it raises is in
    /// the journal and in the grain's state before this completes. Returns the most urgent alert
    /// raised or repeated, if any.
    /// </summary>
    Task<AlertSnapshot?> Handle(IReadOnlyList<DeviceEvent> events, DeviceBinding binding);

    /// <summary>The alerts of this site that are not yet closed.</summary>
    Task<IReadOnlyList<AlertSnapshot>> GetOpenAlerts();

    /// <summary>
    /// The time-based rules (out of bed too long, no movement, inactivity): run by the site's timer
    /// and reminder; idempotent, callable at any time.
    /// </summary>
    Task Tick();

    /// <summary>An operator closed one of this site's alerts: the next occurrence raises a new one.</summary>
    Task AlertClosed(AlertSnapshot alert);
}
