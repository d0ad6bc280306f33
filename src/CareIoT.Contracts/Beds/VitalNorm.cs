namespace CareIoT.Contracts;

/// <summary>A resident's usual value of one vital sign: the median, and a robust spread (1.4826 × MAD, floored).</summary>
[GenerateSerializer, Immutable, Alias("CareIoT.VitalNorm")]
public sealed record VitalNorm(double Median, double Spread);
