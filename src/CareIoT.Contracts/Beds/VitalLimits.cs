namespace CareIoT.Contracts;

/// <summary>
/// The vitals limits in force for a bed at one moment: the resident's own (<see cref="Personal"/>) inside the
/// absolute safety limits, or the absolute limits alone while the baseline is warming up.
/// </summary>
[GenerateSerializer, Immutable, Alias("CareIoT.VitalLimits")]
public sealed record VitalLimits(int HeartRateLow, int HeartRateHigh, int RespirationLow, int RespirationHigh, bool Personal);
