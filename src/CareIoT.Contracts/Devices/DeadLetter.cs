namespace CareIoT.Contracts;

/// <summary>
/// Input the platform refused, kept so an operator can see what arrived and why it was refused.
/// <paramref name="Payload"/> is truncated to a bounded size; <paramref name="PayloadSize"/> is the original length.
/// </summary>
public sealed record DeadLetter(
    DateTimeOffset ReceivedAt,
    string Source,
    string Topic,
    string? DeviceId,
    string Reason,
    string Detail,
    byte[] Payload,
    int PayloadSize);
