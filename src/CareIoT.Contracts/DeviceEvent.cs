namespace CareIoT.Contracts;

/// <summary>
/// One event a device grain hands to its site. <paramref name="SourceKey"/> is unique per event
/// and stable across redeliveries of the message that caused it: the journal's idempotency key.
/// </summary>
[GenerateSerializer, Immutable, Alias("CareIoT.DeviceEvent")]
public sealed record DeviceEvent(
    DeviceEventKind Kind,
    string DeviceId,
    string SourceKey,
    DateTimeOffset At,
    DeviceReadings? Readings = null);
