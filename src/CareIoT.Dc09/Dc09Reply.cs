namespace CareIoT.Dc09;

/// <summary>
/// The receiver's answer to one frame: its kind, the frame to send and its bytes (both null for
/// <see cref="Dc09ReplyKind.None"/>). Only an <see cref="Dc09ReplyKind.Ack"/> lets the host act on the
/// message; it should still ask <see cref="DuplicateSequenceFilter"/> whether the message is a repeat.
/// </summary>
public sealed record Dc09Reply(Dc09ReplyKind Kind, Dc09Frame? Frame, byte[]? Bytes)
{
    public static Dc09Reply None { get; } = new(Dc09ReplyKind.None, null, null);

    public bool Accepted => Kind == Dc09ReplyKind.Ack;
}
