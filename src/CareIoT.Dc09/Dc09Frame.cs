namespace CareIoT.Dc09;

/// <summary>
/// One DC-09 message or response as the receiver understands it, whatever its encryption on the wire.
/// <see cref="Data"/> is the plain text inside the main brackets, e.g. <c>#1234|1110 01 015</c>, or
/// empty for NULL and the responses. <see cref="Receiver"/> and <see cref="LinePrefix"/> are null when
/// the frame has no <c>R</c> or <c>L</c> field. <see cref="Timestamp"/> is UTC to the second.
/// Equality compares <see cref="Extended"/> element by element, so a parsed frame equals the frame
/// that was encoded.
/// </summary>
public sealed record Dc09Frame(
    Dc09Token Token,
    bool Encrypted,
    int Sequence,
    string? Receiver,
    string? LinePrefix,
    string Account,
    string Data,
    IReadOnlyList<Dc09ExtendedField> Extended,
    DateTimeOffset? Timestamp)
{
    /// <summary>
    /// The NAK DC-09 prescribes: <c>"NAK"0000R0L0A0[]_HH:MM:SS,MM-DD-YYYY</c>. Every field but the
    /// timestamp is fixed, because the NAK tells the panel only one thing: the receiver's clock, so the
    /// panel can correct its own and resend. It is never encrypted, or a panel whose clock is off could
    /// not trust it any more than its own.
    /// </summary>
    public static Dc09Frame Nak(DateTimeOffset receiverTime) =>
        new(Dc09Token.Nak, false, 0, "0", "0", "0", "", [], Dc09Timestamp.ToWholeSeconds(receiverTime));

    /// <summary>The spec's NAK spells its account field <c>A0</c>, not <c>#…</c>; encoder and parser agree on this one case.</summary>
    internal bool IsSpecNak => Token == Dc09Token.Nak && Sequence == 0 && Receiver == "0" && LinePrefix == "0" && Account == "0";

    public bool Equals(Dc09Frame? other) =>
        other is not null
        && Token == other.Token
        && Encrypted == other.Encrypted
        && Sequence == other.Sequence
        && Receiver == other.Receiver
        && LinePrefix == other.LinePrefix
        && Account == other.Account
        && Data == other.Data
        && Extended.SequenceEqual(other.Extended)
        && Timestamp == other.Timestamp;

    public override int GetHashCode() => HashCode.Combine(Token, Encrypted, Sequence, Account, Data, Extended.Count, Timestamp);
}
