namespace CareIoT.DeviceSimulator;

/// <summary>How big the fleet is and how often its devices speak.</summary>
public sealed record FleetOptions(
    int Households,
    int Beds,
    string Prefix,
    TimeSpan PressEvery,
    TimeSpan HeartbeatEvery,
    TimeSpan VitalsEvery,
    TimeSpan? SmokeEvery)
{
    public IEnumerable<string> CallButtons => Enumerable.Range(0, Households).Select(i => $"{Prefix}-cb-{i:D4}");

    public IEnumerable<string> SmokeAlarms => Enumerable.Range(0, Households).Select(i => $"{Prefix}-sa-{i:D4}");

    public IEnumerable<string> Mattresses => Enumerable.Range(0, Beds).Select(i => $"{Prefix}-mt-{i:D4}");

    /// <summary>Every device id of the fleet, e.g. to issue broker credentials for them.</summary>
    public IEnumerable<string> DeviceIds => CallButtons.Concat(SmokeAlarms).Concat(Mattresses);
}
