namespace CareIoT.Contracts;

/// <summary>A dead letter as listed for inspection; the payload is shown as text where it is UTF-8.</summary>
public sealed record StoredDeadLetter(
    long Id,
    DateTimeOffset ReceivedAt,
    string Source,
    string Topic,
    string? DeviceId,
    string Reason,
    string Detail,
    string PayloadPreview,
    int PayloadSize);
