namespace CareIoT.Contracts;

/// <summary>
/// How one night went in one bed (the night window of the bed's settings; named by the date it starts): time in
/// bed, bed exits (count and the longest), minutes with movement, minutes with vitals outside the limits in force,
/// mean resting heart rate and respiration, and — once a baseline exists — how far above the resident's usual
/// they were (a fraction: 0.12 = 12 % above).
/// </summary>
[GenerateSerializer, Immutable, Alias("CareIoT.NightSummary")]
public sealed record NightSummary(
    string BedId,
    DateOnly Night,
    TimeSpan InBed,
    int BedExits,
    TimeSpan LongestExit,
    int MovementMinutes,
    int OutOfRangeMinutes,
    double? RestingHeartRate,
    double? RestingRespiration,
    double? HeartRateAboveUsual,
    double? RespirationAboveUsual,
    int MinutesMeasured);
