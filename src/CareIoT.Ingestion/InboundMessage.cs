namespace CareIoT.Ingestion;

/// <summary>
/// A message taken off the MQTT connection: its bytes copied (at most the decoder's limit plus
/// one, so an oversize payload is still kept as evidence) and a way to acknowledge it later. A device
/// event also carries a way to send the device its end-to-end receipt (device id, message id).
/// </summary>
public sealed record InboundMessage(
    string Topic,
    byte[] Payload,
    int PayloadSize,
    DateTimeOffset ReceivedAt,
    Func<CancellationToken, Task> AcknowledgeAsync,
    Func<string, string, Task>? SendReceiptAsync = null);
