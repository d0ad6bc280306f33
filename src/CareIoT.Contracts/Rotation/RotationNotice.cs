namespace CareIoT.Contracts.Rotation;

/// <summary>A supervision notice: <see cref="SiteKey"/> has not been on a watched wall since <see cref="LastShown"/> (never, when null).</summary>
[GenerateSerializer, Immutable, Alias("CareIoT.RotationNotice")]
public sealed record RotationNotice(string SiteKey, DateTimeOffset At, DateTimeOffset? LastShown);
