namespace CareIoT.Dc09;

/// <summary>
/// What one <see cref="Dc09StreamSplitter.Push"/> yielded: the complete frames, in order, each LF through
/// CR; how many partial frames were dropped for growing past the maximum; how many bytes were thrown away
/// in all (noise before an LF, cut-short frames, overflows). A host counts the last two and may close a
/// connection that keeps overflowing.
/// </summary>
public sealed record Dc09Split(IReadOnlyList<byte[]> Frames, int Overflows, int DiscardedBytes);
