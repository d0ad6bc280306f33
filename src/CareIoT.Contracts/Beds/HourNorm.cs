namespace CareIoT.Contracts;

/// <summary>The resident's usual resting vitals in one local hour of the night (0–23), and the minutes they rest on.</summary>
[GenerateSerializer, Immutable, Alias("CareIoT.HourNorm")]
public sealed record HourNorm(int Hour, VitalNorm? HeartRate, VitalNorm? Respiration, int Minutes);
