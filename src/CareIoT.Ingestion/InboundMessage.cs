namespace CareIoT.Ingestion;

/// <summary>
/// A message taken off the MQTT connection: its bytes copied (at most the decoder's limit plus
/// one, so an oversize payload is still kept as evidence) and a way to acknowledge it later.
/// </summary>
public sealed record InboundMessage(
    string Topic,
    byte[] Payload,
    int PayloadSize,
    DateTimeOffset ReceivedAt,
    Func<CancellationToken, Task> AcknowledgeAsync);
