using CareIoT.Contracts;

namespace CareIoT.CarrierPush;

/// <summary>
/// One product of the product file: which platform it reports through, optionally the platform's product
/// id (a CTWing push naming another product is refused), whether the platform's "offline" becomes our
/// <see cref="DeviceMessageType.Offline"/>, and its fields: name → value (or <c>*</c>) → message, where a
/// null message is "ignored".
/// </summary>
public sealed record CarrierProduct(
    string Name,
    CarrierPlatform Platform,
    string? ProductId,
    bool ForwardsOffline,
    IReadOnlyDictionary<string, IReadOnlyDictionary<string, DeviceMessageType?>> Fields)
{
    /// <summary>The message a field's value means; found false when the product does not map the field or this value.</summary>
    public bool TryMap(string? serviceId, string field, string value, out DeviceMessageType? message)
    {
        message = null;
        var values = serviceId is not null && Fields.TryGetValue($"{serviceId}.{field}", out var qualified) ? qualified
            : Fields.TryGetValue(field, out var plain) ? plain
            : null;
        return values is not null && (values.TryGetValue(value, out message) || values.TryGetValue("*", out message));
    }
}
