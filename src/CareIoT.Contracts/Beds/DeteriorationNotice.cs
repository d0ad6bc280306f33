namespace CareIoT.Contracts;

/// <summary>A resident above their own usual for <see cref="Nights"/> nights since <see cref="Since"/>: for the facility nurse, not a life-safety alarm.</summary>
[GenerateSerializer, Immutable, Alias("CareIoT.DeteriorationNotice")]
public sealed record DeteriorationNotice(string BedId, DateOnly Since, DateOnly Night, int Nights, IReadOnlyList<string> Reasons);
