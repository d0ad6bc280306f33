using System.Diagnostics.CodeAnalysis;

namespace CareIoT.Dc09;

/// <summary>
/// What <see cref="Dc09FrameParser"/> made of one frame. <see cref="Frame"/> is set exactly when the
/// status is <see cref="Dc09ParseStatus.Ok"/>; <see cref="Header"/> is set for the statuses a receiver
/// answers with DUH (so the DUH can be addressed); <see cref="Key"/> is the key that decrypted the frame,
/// which the encrypted ACK must use too.
/// </summary>
public sealed record Dc09ParseResult(Dc09ParseStatus Status, Dc09Frame? Frame, Dc09Header? Header, Dc09AccountKey? Key)
{
    [MemberNotNullWhen(true, nameof(Frame))]
    public bool IsOk => Status == Dc09ParseStatus.Ok && Frame is not null;

    internal static Dc09ParseResult Ok(Dc09Frame frame, Dc09AccountKey? key) => new(Dc09ParseStatus.Ok, frame, null, key);

    internal static Dc09ParseResult Fail(Dc09ParseStatus status, Dc09Header? header = null) => new(status, null, header, null);
}
