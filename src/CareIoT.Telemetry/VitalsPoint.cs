namespace CareIoT.Telemetry;

/// <summary>One bucket of a bed's vitals chart.</summary>
public sealed record VitalsPoint(DateTimeOffset At, double? HeartRate, double? Respiration);
