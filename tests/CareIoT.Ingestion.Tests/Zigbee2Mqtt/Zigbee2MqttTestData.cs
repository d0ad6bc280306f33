using System.Text;
using CareIoT.Ingestion.Zigbee2Mqtt;

namespace CareIoT.Ingestion.Tests.Zigbee2Mqtt;

/// <summary>The files of devices/zigbee2mqtt as copied next to the tests, and ways to feed a decoder.</summary>
internal static class Zigbee2MqttTestData
{
    public const string GatewayId = "gw-0001";
    public const string DeviceId = "cb-0001";

    public static readonly DateTimeOffset ReceivedAt = new(2026, 11, 23, 8, 15, 3, TimeSpan.Zero);

    private static readonly Lazy<Zigbee2MqttModelCatalog> LazyCatalog = new(() => Zigbee2MqttModelCatalog.Load(ModelsPath));

    public static string Root => Path.Combine(AppContext.BaseDirectory, "zigbee2mqtt");

    public static string ModelsPath => Path.Combine(Root, "models.json");

    public static string ExamplesDirectory => Path.Combine(Root, "examples");

    public static Zigbee2MqttModelCatalog Catalog => LazyCatalog.Value;

    public static string StateTopic => Zigbee2MqttTopics.State(GatewayId, DeviceId);

    public static Zigbee2MqttDecoder NewDecoder() => new(Catalog);

    public static byte[] Example(string file) => File.ReadAllBytes(Path.Combine(ExamplesDirectory, file));

    public static byte[] BridgeDevicesExample() => File.ReadAllBytes(Path.Combine(Root, "bridge-devices.json"));

    public static DecodeResult Decode(this Zigbee2MqttDecoder decoder, string topic, string payload) =>
        decoder.Decode(topic, Encoding.UTF8.GetBytes(payload));

    public static DecodeResult Decode(this Zigbee2MqttDecoder decoder, string topic, byte[] payload) =>
        decoder.Decode(topic, payload, payload.Length, ReceivedAt);

    public static DecodeResult DecodeState(this Zigbee2MqttDecoder decoder, string json, string deviceId = DeviceId) =>
        decoder.Decode(Zigbee2MqttTopics.State(GatewayId, deviceId), json);

    /// <summary>Tells the decoder, as the gateway's bridge/devices would, which model the device is.</summary>
    public static void Learn(this Zigbee2MqttDecoder decoder, string deviceId, string model, string gatewayId = GatewayId)
    {
        var devices = $$$"""[{"friendly_name":"{{{deviceId}}}","type":"EndDevice","definition":{"model":"{{{model}}}","vendor":"x","description":"x"}}]""";
        var result = decoder.Decode(Zigbee2MqttTopics.BridgeDevices(gatewayId), devices);
        Assert.True(result.Skipped, result.Detail);
    }

    public static void AssertRejected(DecodeResult result, RejectReason reason, string? deviceId = DeviceId)
    {
        Assert.Null(result.Message);
        Assert.False(result.Skipped);
        Assert.Equal(reason, result.Reason);
        Assert.Equal(deviceId, result.DeviceId);
        Assert.False(string.IsNullOrWhiteSpace(result.Detail));
    }
}
