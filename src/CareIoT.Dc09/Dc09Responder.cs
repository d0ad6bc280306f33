namespace CareIoT.Dc09;

/// <summary>
/// Decides what a DC-09 receiver answers to one parsed frame, and builds the answer. Pure apart from
/// reading the injected clock; it sends nothing and remembers nothing. The rules, in order:
/// <list type="bullet">
/// <item>Damaged or foreign bytes (truncated, bad CRC or length, garbage, oversize): no answer, so the
/// panel repeats the message rather than have a corrupted one acknowledged.</item>
/// <item>An answer arriving at the receiver (ACK, NAK, DUH): no answer, so two receivers cannot ping-pong.</item>
/// <item>Unknown token, no key, wrong key, unknown account, data that is neither Contact ID nor SIA as the
/// token says: DUH, in clear, echoing sequence, receiver, prefix and account.</item>
/// <item>Encrypted message without a timestamp or outside <see cref="Window"/>: the spec's NAK
/// (<see cref="Dc09Frame.Nak"/>) with the receiver's time.</item>
/// <item>Otherwise ACK echoing the routing fields; for an encrypted message <c>*ACK</c> under the same key,
/// with the receiver's timestamp as DC-09 requires there. A clear ACK carries none, as in the spec's example.</item>
/// </list>
/// </summary>
public sealed class Dc09Responder(TimeProvider time, Dc09FrameEncoder encoder, Func<string, bool> isKnownAccount, Dc09TimeWindow? window = null)
{
    public Dc09TimeWindow Window { get; } = window ?? Dc09TimeWindow.Default;

    public Dc09Reply Decide(Dc09ParseResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return result.Status switch
        {
            Dc09ParseStatus.Ok when result.Frame is { } frame => ForFrame(frame, result.Key),
            Dc09ParseStatus.UnknownToken or Dc09ParseStatus.NoKey or Dc09ParseStatus.DecryptFailed when result.Header is { } header => ForHeader(header),
            _ => Dc09Reply.None,
        };
    }

    private Dc09Reply ForFrame(Dc09Frame frame, Dc09AccountKey? key)
    {
        if (IsAnswer(frame.Token))
        {
            return Dc09Reply.None;
        }

        if (!isKnownAccount(frame.Account) || (frame.Encrypted && key is null))
        {
            return Duh(frame.Sequence, frame.Receiver, frame.LinePrefix, frame.Account);
        }

        var now = time.GetUtcNow();
        if (frame.Encrypted && (frame.Timestamp is not { } stamp || !Window.Contains(stamp, now)))
        {
            return Send(Dc09ReplyKind.Nak, Dc09Frame.Nak(now), null);
        }

        if (!IsReadable(frame))
        {
            return Duh(frame.Sequence, frame.Receiver, frame.LinePrefix, frame.Account);
        }

        var ack = new Dc09Frame(Dc09Token.Ack, frame.Encrypted, frame.Sequence, frame.Receiver, frame.LinePrefix, frame.Account, "", [],
            frame.Encrypted ? Dc09Timestamp.ToWholeSeconds(now) : null);
        return Send(Dc09ReplyKind.Ack, ack, key);
    }

    // A header comes with UnknownToken (token null), NoKey and DecryptFailed; an answer token is left unanswered.
    private Dc09Reply ForHeader(Dc09Header header) =>
        header.Token is { } token && IsAnswer(token) ? Dc09Reply.None : Duh(header.Sequence, header.Receiver, header.LinePrefix, header.Account);

    private Dc09Reply Duh(int sequence, string? receiver, string? prefix, string account) =>
        Send(Dc09ReplyKind.Duh, new Dc09Frame(Dc09Token.Duh, false, sequence, receiver, prefix, account, "", [], null), null);

    private Dc09Reply Send(Dc09ReplyKind kind, Dc09Frame frame, Dc09AccountKey? key) => new(kind, frame, encoder.Encode(frame, key));

    private static bool IsAnswer(Dc09Token token) => token is Dc09Token.Ack or Dc09Token.Nak or Dc09Token.Duh;

    private static bool IsReadable(Dc09Frame frame) => frame.Token switch
    {
        Dc09Token.AdmCid => ContactIdEvent.TryParse(frame.Data, out _),
        Dc09Token.SiaDcs => SiaEvent.TryParseAll(frame.Data, out _),
        _ => true,
    };
}
