namespace CareIoT.Stores;

/// <summary>An NB-IoT device's platform binding as stored (platform "onenet" or "ctwing").</summary>
public sealed record CarrierDeviceRow(string Platform, string PlatformDeviceId, string Imei, string Product, string DeviceId);
