using CareIoT.Contracts;

namespace CareIoT.Ingestion.Tests.Zigbee2Mqtt;

/// <summary>What each example state payload in devices/zigbee2mqtt/examples is and must decode to.</summary>
internal static class Zigbee2MqttExamples
{
    private const string Button = "cb-0001";
    private const string Smoke = "sa-0006";
    private const string Bed = "bed-0001";
    private const string SeenAt = "2026-11-23T08:15:02.114Z";

    public static readonly IReadOnlyDictionary<string, Zigbee2MqttExample> All = new Dictionary<string, Zigbee2MqttExample>
    {
        ["heiman-hs1eb-single.json"] = new("HS1EB/HS1EB-E", Button, DeviceMessageType.Press, new() { BatteryPercent = 100, LinkQuality = 120 }, SeenAt),
        ["heiman-hs1eb-released.json"] = new("HS1EB/HS1EB-E", Button, DeviceMessageType.StateReport, new() { BatteryPercent = 100, LinkQuality = 117 }, "2026-11-23T08:15:03.020Z"),
        ["tuya-ts0215a-sos-emergency.json"] = new("TS0215A_sos", Button, DeviceMessageType.Press, new() { BatteryPercent = 100, LinkQuality = 120 }),
        ["nedis-zbpb10bk-emergency.json"] = new("ZBPB10BK", Button, DeviceMessageType.Press, new() { BatteryPercent = 65, LinkQuality = 51 }, SeenAt),
        ["tuya-ts0601-sos-emergency.json"] = new("TS0601_sos", Button, DeviceMessageType.Press, new() { BatteryPercent = 87, LinkQuality = 94 }),
        ["loginovo-zg-101z-sos.json"] = new("ZG-101Z", Button, DeviceMessageType.Press, new() { BatteryLow = false, LinkQuality = 102 }),
        ["owon-pb206-sos.json"] = new("PB206", Button, DeviceMessageType.Press, new() { BatteryLow = false, LinkQuality = 84 }),
        ["owon-pb206-idle.json"] = new("PB206", Button, DeviceMessageType.StateReport, new() { BatteryLow = true, LinkQuality = 84 }),
        ["feibit-seb01zb-sos.json"] = new("SEB01ZB", Button, DeviceMessageType.Press,
            new() { BatteryPercent = 100, BatteryLow = false, Tamper = false, LinkQuality = 76 }),
        ["heiman-hs1sa-e-smoke.json"] = new("HS1SA-E", Smoke, DeviceMessageType.StateReport,
            new() { Smoke = true, BatteryLow = false, BatteryPercent = 90, Test = false, LinkQuality = 80 }),
        ["heiman-hs3sa-clear.json"] = new("HS3SA/HS1SA", Smoke, DeviceMessageType.StateReport,
            new() { Smoke = false, BatteryLow = false, BatteryPercent = 100, Test = false, LinkQuality = 132 }, "2026-11-23T08:15:02.500Z"),
        ["heiman-hs1sa-e-lover-trouble.json"] = new("HS1SA-E Lover", Smoke, DeviceMessageType.StateReport,
            new() { Smoke = false, BatteryLow = false, BatteryPercent = 100, Test = false, Fault = true, LinkQuality = 98 }),
        ["xiaomi-jtyj-gd-01lm-smoke.json"] = new("JTYJ-GD-01LM/BW", Smoke, DeviceMessageType.StateReport,
            new() { Smoke = true, BatteryLow = false, Tamper = false, BatteryPercent = 90, Test = false, LinkQuality = 80 }),
        ["tuya-ts0205-tamper.json"] = new("TS0205", Smoke, DeviceMessageType.StateReport,
            new() { Smoke = false, BatteryPercent = 100, Tamper = true, LinkQuality = 65 }),
        ["develco-smszb-120-fault.json"] = new("SMSZB-120", Smoke, DeviceMessageType.StateReport,
            new() { Smoke = false, BatteryLow = false, Fault = true, Test = false, BatteryPercent = 100, LinkQuality = 110 }),
        ["owon-fds315-on-the-bed.json"] = new("FDS315", Bed, DeviceMessageType.StateReport,
            new() { Presence = true, Fall = false, RespirationRate = 14, LinkQuality = 150 }),
        ["owon-fds315-falling.json"] = new("FDS315", Bed, DeviceMessageType.StateReport,
            new() { Presence = false, Fall = true, RespirationRate = 0, LinkQuality = 148 }),
        ["owon-fds315-unoccupied.json"] = new("FDS315", Bed, DeviceMessageType.StateReport,
            new() { Presence = false, Fall = false, RespirationRate = 0, LinkQuality = 152 }),
        ["aqara-rtczcgq11lm-presence.json"] = new("RTCZCGQ11LM", Bed, DeviceMessageType.StateReport, new() { Presence = true, LinkQuality = 160 }),
        ["sonoff-snzb-06p-vacant.json"] = new("SNZB-06P", Bed, DeviceMessageType.StateReport, new() { Presence = false, LinkQuality = 144 }),
    };

    public static TheoryData<string> Files => [.. All.Keys];
}

/// <summary>One example: the model that publishes it, the device it is from, and its decoded meaning.</summary>
internal sealed record Zigbee2MqttExample(string Model, string DeviceId, DeviceMessageType Type, DeviceReadings Readings, string? LastSeen = null);
