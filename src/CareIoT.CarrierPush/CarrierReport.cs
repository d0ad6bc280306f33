namespace CareIoT.CarrierPush;

/// <summary>
/// One record of a push, verified and parsed, not yet mapped. <paramref name="DeviceKey"/> is what the
/// binding is looked up by (OneNET: <c>dev_id</c>; CTWing: the IMEI). <paramref name="MessageId"/> is the
/// platform's identity of the record: a platform retry carries the same one, so it is the idempotency key.
/// <paramref name="Fields"/> are the data stream / field names with their values as text.
/// </summary>
public sealed record CarrierReport(
    CarrierPlatform Platform,
    string DeviceKey,
    string? ProductId,
    string? ServiceId,
    string MessageId,
    DateTimeOffset At,
    CarrierReportKind Kind,
    IReadOnlyList<KeyValuePair<string, string>> Fields,
    string Raw);
