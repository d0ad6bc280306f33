namespace CareIoT.CarrierPush;

/// <summary>
/// An NB-IoT device as the installer bound it: its platform, the platform's id for it (OneNET <c>dev_id</c>;
/// on CTWing its <c>deviceId</c>, the IMEI unless told), its IMEI, the product of the product file that
/// reads its reports, and our device id.
/// </summary>
public sealed record CarrierDevice(CarrierPlatform Platform, string PlatformDeviceId, string Imei, string Product, string DeviceId);

/// <summary>Where the receiver finds the bound devices (the registry; read whole, kept in memory).</summary>
public interface ICarrierDevices
{
    Task<IReadOnlyList<CarrierDevice>> ListAsync(CancellationToken cancellationToken);
}
