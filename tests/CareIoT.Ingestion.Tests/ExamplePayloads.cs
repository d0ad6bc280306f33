using System.Text;
using CareIoT.DeviceProtocol;

namespace CareIoT.Ingestion.Tests;

/// <summary>The example payloads of protocol v1 (devices/examples/v1), as copied next to the tests.</summary>
public static class ExamplePayloads
{
    public const string Press = "call-button-press.json";
    public const string Cancel = "call-button-cancel.json";
    public const string Heartbeat = "heartbeat.json";

    public const string DeviceId = "cb-0001";

    public static readonly DateTimeOffset ReceivedAt = new(2026, 11, 23, 8, 15, 3, TimeSpan.Zero);

    public static string EventsTopic => DeviceTopics.Events(DeviceId);

    public static string StatusTopic => DeviceTopics.Status(DeviceId);

    public static byte[] Read(string name) =>
        File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "examples", "v1", name));

    public static string ReadText(string name) => Encoding.UTF8.GetString(Read(name)).Trim();

    public static DecodeResult Decode(string topic, string json) => Decode(topic, Encoding.UTF8.GetBytes(json));

    public static DecodeResult Decode(string topic, byte[] payload) =>
        new DeviceMessageDecoder(DeviceMessageDecoder.DefaultMaxPayloadBytes).Decode(topic, payload, payload.Length, ReceivedAt);
}
