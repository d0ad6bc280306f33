namespace CareIoT.DeviceSimulator;

/// <summary>How big the fleet is and how often its devices speak.</summary>
public sealed record FleetOptions(
    int Households,
    int Beds,
    string Prefix,
    TimeSpan PressEvery,
    TimeSpan HeartbeatEvery,
    TimeSpan VitalsEvery,
    TimeSpan? SmokeEvery,
    int ZigbeeHouseholds = 0,
    int Panels = 0,
    int PanelPort = 9590,
    TimeSpan? PanelAlarmEvery = null,
    TimeSpan? PanelLinkTestEvery = null,
    int NbIotHouseholds = 0,
    TimeSpan? NbIotAlarmEvery = null,
    string? OneNetToken = null,
    string? CtwingToken = null)
{
    public IEnumerable<ZigbeeHome> ZigbeeHomes => Enumerable.Range(0, ZigbeeHouseholds).Select(i => ZigbeeHome.For(Prefix, i));

    /// <summary>Homes with a DC-09 alarm panel; panels speak to the receiver, not the broker, so they are not in <see cref="DeviceIds"/>.</summary>
    public IEnumerable<PanelHome> PanelHomes => Enumerable.Range(0, Panels).Select(i => PanelHome.For(Prefix, i));

    /// <summary>Homes with an NB-IoT smoke alarm reporting through OneNET or CTWing (pushed to the server over HTTP, not through the broker).</summary>
    public IEnumerable<NbIotHome> NbIotHomes => Enumerable.Range(0, NbIotHouseholds).Select(i => NbIotHome.For(Prefix, i));

    public IEnumerable<string> CallButtons => Enumerable.Range(0, Households).Select(i => $"{Prefix}-cb-{i:D4}");

    public IEnumerable<string> SmokeAlarms => Enumerable.Range(0, Households).Select(i => $"{Prefix}-sa-{i:D4}");

    public IEnumerable<string> Mattresses => Enumerable.Range(0, Beds).Select(i => $"{Prefix}-mt-{i:D4}");

    /// <summary>Every broker user of the fleet (devices and Zigbee gateways), e.g. to issue credentials for them.</summary>
    public IEnumerable<string> DeviceIds => CallButtons.Concat(SmokeAlarms).Concat(Mattresses).Concat(ZigbeeHomes.Select(h => h.GatewayId));
}
