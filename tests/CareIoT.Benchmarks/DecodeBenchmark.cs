using System.Diagnostics;
using System.Text.Json;
using CareIoT.DeviceProtocol;
using CareIoT.Ingestion;

namespace CareIoT.Benchmarks;

/// <summary>
/// Decode throughput of protocol v1 on one thread, over every example payload of the contract,
/// against a baseline in the same process: a bare Utf8JsonReader pass over the same bytes (the
/// least any JSON decoder must do).
/// </summary>
public static class DecodeBenchmark
{
    public static void Run(TimeSpan duration)
    {
        var inputs = Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "examples", "v1"), "*.json")
            .Select(path => File.ReadAllBytes(path))
            .Select(bytes => (Topic: TopicFor(bytes), Payload: bytes))
            .ToArray();
        var receivedAt = DateTimeOffset.Parse("2026-11-23T12:00:00Z", System.Globalization.CultureInfo.InvariantCulture);
        var decoder = new DeviceMessageDecoder(DeviceMessageDecoder.DefaultMaxPayloadBytes, TimeSpan.FromDays(3650));

        var zigbeeInputs = Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "zigbee2mqtt", "examples"), "*.json")
            .Select(path => (Topic: $"careiot/z2m/gw-0001/{Path.GetFileNameWithoutExtension(path)}", Payload: File.ReadAllBytes(path)))
            .ToArray();
        var zigbee = new CareIoT.Ingestion.Zigbee2Mqtt.Zigbee2MqttDecoder(
            CareIoT.Ingestion.Zigbee2Mqtt.Zigbee2MqttModelCatalog.Load(Path.Combine(AppContext.BaseDirectory, "zigbee2mqtt", "models.json")));

        var baseline = Measure(duration, inputs, input => Scan(input.Payload));
        var decode = Measure(duration, inputs, input => decoder.Decode(input.Topic, input.Payload, input.Payload.Length, receivedAt).Message is null ? 0 : 1);
        var zigbeeBaseline = Measure(duration, zigbeeInputs, input => Scan(input.Payload));
        var zigbeeDecode = Measure(duration, zigbeeInputs, input => zigbee.Decode(input.Topic, input.Payload, input.Payload.Length, receivedAt).Message is null ? 0 : 1);

        Console.WriteLine($"{"case",-34} {"msg/s",14} {"ns/msg",10}");
        Print("baseline: Utf8JsonReader scan", baseline);
        Print("DeviceMessageDecoder (v1)", decode);
        Print("baseline: scan of Zigbee2MQTT states", zigbeeBaseline);
        Print("Zigbee2MqttDecoder", zigbeeDecode);
        Console.WriteLine($"BENCH decode_msgs_s={decode:F0} baseline_scan_msgs_s={baseline:F0} ratio={decode / baseline:F3} " +
            $"z2m_decode_msgs_s={zigbeeDecode:F0} z2m_ratio={zigbeeDecode / zigbeeBaseline:F3} threads=1");
    }

    private static string TopicFor(byte[] payload)
    {
        var type = JsonDocument.Parse(payload).RootElement.GetProperty("type").GetString()!;
        return DeviceTopics.For("cb-0001", type);
    }

    private static int Scan(byte[] payload)
    {
        var reader = new Utf8JsonReader(payload);
        var tokens = 0;
        while (reader.Read())
        {
            tokens++;
        }

        return tokens;
    }

    private static double Measure<T>(TimeSpan duration, T[] inputs, Func<T, int> work)
    {
        var sink = 0;
        for (var i = 0; i < 50_000; i++)
        {
            sink += work(inputs[i % inputs.Length]);
        }

        var clock = Stopwatch.StartNew();
        long done = 0;
        while (clock.Elapsed < duration)
        {
            for (var i = 0; i < 10_000; i++)
            {
                sink += work(inputs[(int)(done++ % inputs.Length)]);
            }
        }

        GC.KeepAlive(sink);
        return done / clock.Elapsed.TotalSeconds;
    }

    private static void Print(string name, double perSecond) =>
        Console.WriteLine($"{name,-34} {perSecond,14:N0} {1e9 / perSecond,10:F0}");
}
