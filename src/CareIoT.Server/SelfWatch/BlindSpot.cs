namespace CareIoT.Server.SelfWatch;

/// <summary>
/// One way the centre is not seeing what it should: <see cref="Key"/> (mqtt, postgres, silence, spool, silo:…,
/// dc09), what is wrong in words, and since when. Shown red on every console and wall until it clears.
/// </summary>
public sealed record BlindSpot(string Key, string What, DateTimeOffset Since);

/// <summary>What this silo's self-watch sees now: empty when all is well.</summary>
public sealed record MonitoringStatus(string Silo, DateTimeOffset CheckedAt, IReadOnlyList<BlindSpot> Degraded);
