namespace CareIoT.Contracts;

/// <summary>
/// What a walk test proved: which signals arrived, when, by whom, and how it ended
/// (<see cref="Outcome"/> is <c>Completed</c> when the installer finished it, <c>Expired</c> when
/// its time ran out).
/// </summary>
[GenerateSerializer, Immutable, Alias("CareIoT.InstallationRecord")]
public sealed record InstallationRecord(
    SiteRef Site, string Installer, DateTimeOffset StartedAt, DateTimeOffset EndedAt, string Outcome, IReadOnlyList<WalkTestSignal> Signals);
