namespace CareIoT.Contracts;

/// <summary>
/// A site in test mode: from <see cref="StartedAt"/> until <see cref="Until"/> its devices' signals
/// are recorded here instead of raising alerts. Past <see cref="Until"/> it is over by itself, so a
/// home is never left unprotected.
/// </summary>
[GenerateSerializer, Immutable, Alias("CareIoT.WalkTest")]
public sealed record WalkTest(string Installer, DateTimeOffset StartedAt, DateTimeOffset Until, IReadOnlyList<WalkTestSignal> Signals)
{
    public static readonly TimeSpan DefaultLength = TimeSpan.FromMinutes(30);
    public static readonly TimeSpan MaxLength = TimeSpan.FromHours(2);

    public bool IsActiveAt(DateTimeOffset now) => now < Until;
}

/// <summary>One signal that arrived during a walk test, with the readings it carried.</summary>
[GenerateSerializer, Immutable, Alias("CareIoT.WalkTestSignal")]
public sealed record WalkTestSignal(string DeviceId, DeviceEventKind Event, DateTimeOffset At, int? SignalDbm, int? BatteryPercent);
