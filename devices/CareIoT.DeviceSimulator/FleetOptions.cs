namespace CareIoT.DeviceSimulator;

/// <summary>How big the fleet is and how often its devices speak.</summary>
public sealed record FleetOptions(
    int Households,
    int Beds,
    string Prefix,
    TimeSpan PressEvery,
    TimeSpan HeartbeatEvery,
    TimeSpan VitalsEvery,
    TimeSpan? SmokeEvery);
