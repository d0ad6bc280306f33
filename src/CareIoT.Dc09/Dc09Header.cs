namespace CareIoT.Dc09;

/// <summary>
/// The routing part of a frame that parsed up to its data but no further (unknown token, no key,
/// wrong key): enough to address a DUH to the panel. <see cref="Id"/> is the token text as sent,
/// star included; <see cref="Token"/> is null when that text is no DC-09 token.
/// </summary>
public sealed record Dc09Header(string Id, Dc09Token? Token, bool Encrypted, int Sequence, string? Receiver, string? LinePrefix, string Account);
