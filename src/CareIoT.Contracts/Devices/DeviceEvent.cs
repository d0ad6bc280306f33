namespace CareIoT.Contracts;

/// <summary>
/// One event a device grain hands to its site. <paramref name="SourceKey"/> is unique per event
/// and stable across redeliveries of the message that caused it: the journal's idempotency key.
/// <paramref name="At"/> is when the platform received the message; <paramref name="DeviceAt"/> when
/// the device says it happened — the order of one device's messages, whichever ingest lane carried them.
/// </summary>
[GenerateSerializer, Immutable, Alias("CareIoT.DeviceEvent")]
public sealed record DeviceEvent(
    DeviceEventKind Kind,
    string DeviceId,
    string SourceKey,
    DateTimeOffset At,
    DeviceReadings? Readings = null,
    DateTimeOffset? DeviceAt = null);
