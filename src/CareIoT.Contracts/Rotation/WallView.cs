namespace CareIoT.Contracts.Rotation;

/// <summary>
/// What every wall screen shows now. <see cref="Sequence"/> grows with each change, so a screen can
/// ignore a stale push. Alarming sites lead every page until acknowledged; pinned sites follow them.
/// </summary>
[GenerateSerializer, Immutable, Alias("CareIoT.WallView")]
public sealed record WallView(
    long Sequence,
    int Page,
    int PageCount,
    IReadOnlyList<string> OnScreen,
    IReadOnlyList<string> Alarming,
    IReadOnlyList<string> Pinned,
    bool Paused,
    DateTimeOffset ShownSince,
    DateTimeOffset? NextAt,
    IReadOnlyList<string> Watching);
