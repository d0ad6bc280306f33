namespace CareIoT.DeviceSimulator;

/// <summary>A home whose devices speak Zigbee through a gateway: a Tuya SOS button and a Heiman smoke detector.</summary>
public sealed record ZigbeeHome(string HouseholdId, string GatewayId, string SosButton, string SmokeDetector)
{
    public const string SosModel = "TS0215A_sos";
    public const string SmokeModel = "HS3SA/HS1SA";

    public static ZigbeeHome For(string prefix, int index) =>
        new($"{prefix}-zhh-{index:D4}", $"{prefix}-gw-{index:D4}", $"{prefix}-zsos-{index:D4}", $"{prefix}-zsmk-{index:D4}");
}
