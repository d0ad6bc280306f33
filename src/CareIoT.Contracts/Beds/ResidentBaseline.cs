namespace CareIoT.Contracts;

/// <summary>
/// One resident's own normal, learned from the nights <see cref="FromNight"/>–<see cref="ToNight"/> (a night is
/// named by the date it starts): resting heart rate and respiration in bed and still, over the whole night and by
/// hour of the night, and the usual nightly bed exits and restlessness. It rests on <see cref="Minutes"/>
/// resting minutes of <see cref="Nights"/> nights.
/// </summary>
[GenerateSerializer, Immutable, Alias("CareIoT.ResidentBaseline")]
public sealed record ResidentBaseline(
    DateOnly FromNight,
    DateOnly ToNight,
    int Nights,
    int Minutes,
    VitalNorm HeartRate,
    VitalNorm Respiration,
    IReadOnlyList<HourNorm> ByHour,
    VitalNorm BedExits,
    VitalNorm MovementMinutes,
    DateTimeOffset ComputedAt);
