using System.Globalization;

namespace CareIoT.DeviceSimulator;

/// <summary>
/// A fleet home whose smoke alarm is an NB-IoT device reporting through a carrier's platform: even homes on
/// OneNET, odd ones on CTWing. Ids follow from the fleet's prefix and the index, so a second run finds the
/// same bindings.
/// </summary>
public sealed record NbIotHome(string HouseholdId, string Platform, string Imei, string PlatformDeviceId)
{
    public static NbIotHome For(string prefix, int index)
    {
        var seed = prefix.Aggregate(17L, (h, c) => ((h * 31) + c) % 100_000);
        var imei = $"86{seed:D5}{index:D8}";
        var onenet = index % 2 == 0;
        return new NbIotHome($"{prefix}-nb-hh-{index:D4}", onenet ? "onenet" : "ctwing", imei,
            onenet ? (500_000_000L + (seed * 10_000) + index).ToString(CultureInfo.InvariantCulture) : imei);
    }

    public string Product => Platform == "onenet" ? "example-onenet-smoke" : "example-ctwing-smoke";
}
