namespace CareIoT.Contracts;

/// <summary>
/// The resting heart rates and respiration rates of one local hour of one night, as counts of whole values:
/// <c>HeartRates[i]</c> minutes at <c>HeartRateFrom + i</c> per minute. Compact enough to keep 28 nights per bed.
/// </summary>
[GenerateSerializer, Immutable, Alias("CareIoT.HourValues")]
public sealed record HourValues(int Hour, int HeartRateFrom, int[] HeartRates, int RespirationFrom, int[] Respirations);
