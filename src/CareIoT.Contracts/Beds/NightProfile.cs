namespace CareIoT.Contracts;

/// <summary>
/// What a baseline needs of one night of one bed: its resting values by hour (<see cref="HourValues"/>), how many
/// resting minutes there were, and the night's bed exits and movement minutes. Kept with the night's summary.
/// </summary>
[GenerateSerializer, Immutable, Alias("CareIoT.NightProfile")]
public sealed record NightProfile(DateOnly Night, DateTimeOffset Start, int RestingMinutes, int BedExits, int MovementMinutes, IReadOnlyList<HourValues> Hours);
