namespace CareIoT.Reports;

/// <summary>What the telemetry store holds of one device over a period: online when it began (if known), its transitions inside it, heartbeats counted.</summary>
public sealed record DeviceFacts(bool? OnlineAtStart, IReadOnlyList<DeviceTransition> Transitions, int Heartbeats);
