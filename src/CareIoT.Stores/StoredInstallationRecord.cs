using CareIoT.Contracts;

namespace CareIoT.Stores;

/// <summary>An installation record as the installer's page lists it.</summary>
public sealed record StoredInstallationRecord(long RecordId, string Installer, DateTimeOffset StartedAt, DateTimeOffset EndedAt, string Outcome, IReadOnlyList<WalkTestSignal> Signals);
