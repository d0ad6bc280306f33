namespace CareIoT.Baselines;

/// <summary>One minute of a bed's mattress series as the telemetry store gives it (means of the minute; presence as last seen).</summary>
public readonly record struct MinuteSample(DateTimeOffset At, bool Present, double? HeartRate, double? Respiration, double? Movement);
