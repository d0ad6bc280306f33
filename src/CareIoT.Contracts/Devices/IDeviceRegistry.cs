namespace CareIoT.Contracts;

/// <summary>The installer's registry of devices, read by the device grains.</summary>
public interface IDeviceRegistry
{
    /// <summary>The device's binding, or null when no such device is registered.</summary>
    Task<DeviceBinding?> FindAsync(string deviceId, CancellationToken cancellationToken);
}
