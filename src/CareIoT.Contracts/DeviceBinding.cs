namespace CareIoT.Contracts;

/// <summary>The installer's binding of a device to the site it protects.</summary>
[GenerateSerializer, Immutable, Alias("CareIoT.DeviceBinding")]
public sealed record DeviceBinding(string DeviceId, DeviceKind Kind, SiteRef Site);
