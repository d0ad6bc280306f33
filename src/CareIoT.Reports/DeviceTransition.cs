namespace CareIoT.Reports;

/// <summary>A device went online or offline at <see cref="At"/>; <see cref="Cause"/> says why (e.g. Silent, Offline, Heartbeat).</summary>
public sealed record DeviceTransition(DateTimeOffset At, bool Online, string Cause);
