namespace CareIoT.Contracts;

/// <summary>
/// The installer's binding of a device to the site it protects. <paramref name="OfflineAfter"/>
/// overrides the device class's supervision threshold; <paramref name="GatewayId"/> is set for
/// devices that speak through a gateway, which is then the only one they may speak through.
/// </summary>
[GenerateSerializer, Immutable, Alias("CareIoT.DeviceBinding")]
public sealed record DeviceBinding(
    string DeviceId,
    DeviceKind Kind,
    SiteRef Site,
    TimeSpan? OfflineAfter = null,
    string? GatewayId = null);
