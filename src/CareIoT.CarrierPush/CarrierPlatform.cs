namespace CareIoT.CarrierPush;

/// <summary>The carriers' IoT platforms that push NB-IoT device reports to us. Names are stable: they are stored and in the product file.</summary>
public enum CarrierPlatform
{
    /// <summary>China Mobile OneNET (HTTP push / 数据推送).</summary>
    OneNet = 1,

    /// <summary>China Telecom CTWing / AEP (subscription push / 订阅推送).</summary>
    Ctwing = 2,
}

/// <summary>The platforms' names as they appear in routes, the product file and the registry.</summary>
public static class CarrierPlatforms
{
    public const string OneNetName = "onenet";
    public const string CtwingName = "ctwing";

    public static string Name(this CarrierPlatform platform) => platform == CarrierPlatform.OneNet ? OneNetName : CtwingName;

    public static bool TryParse(string? name, out CarrierPlatform platform)
    {
        switch (name?.ToLowerInvariant())
        {
            case OneNetName:
                platform = CarrierPlatform.OneNet;
                return true;
            case CtwingName:
                platform = CarrierPlatform.Ctwing;
                return true;
            default:
                platform = default;
                return false;
        }
    }
}
