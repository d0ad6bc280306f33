using CareIoT.Ingestion.Zigbee2Mqtt;

namespace CareIoT.Ingestion.Tests.Zigbee2Mqtt;

/// <summary>The decoder never throws: whatever a gateway sends, it answers with a message, a skip, or a reason.</summary>
public sealed class Zigbee2MqttFuzzTests
{
    private const int Rounds = 3000;

    private static readonly Zigbee2MqttDecoder Decoder = CreateDecoder();

    public static TheoryData<string, int> Examples
    {
        get
        {
            var examples = new TheoryData<string, int>();
            var seed = 100;
            foreach (var file in Zigbee2MqttExamples.All.Keys)
            {
                examples.Add(file, seed++);
            }

            return examples;
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void RandomBytesOnEveryKindOfTopicAreAnswered(int seed)
    {
        var random = new Random(seed);
        string[] topics = [Zigbee2MqttTestData.StateTopic, Availability, Zigbee2MqttTopics.BridgeDevices("gw-fuzz")];
        for (var round = 0; round < Rounds; round++)
        {
            var payload = new byte[random.Next(0, 200)];
            random.NextBytes(payload);
            AssertAnswered(topics[round % topics.Length], payload, seed, round);
        }
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void MutatedExamplePayloadsAreAnswered(string file, int seed)
    {
        var random = new Random(seed);
        var original = Zigbee2MqttTestData.Example(file);
        for (var round = 0; round < Rounds; round++)
        {
            var topic = random.Next(4) == 0 ? Availability : Zigbee2MqttTestData.StateTopic;
            AssertAnswered(topic, PayloadMutator.Mutate(original, random), seed, round);
        }
    }

    [Fact]
    public void MutatedDeviceListsAreAnswered()
    {
        var random = new Random(31);
        var original = Zigbee2MqttTestData.BridgeDevicesExample();
        for (var round = 0; round < Rounds; round++)
        {
            AssertAnswered(Zigbee2MqttTopics.BridgeDevices("gw-fuzz"), PayloadMutator.Mutate(original, random), 31, round);
        }
    }

    [Fact]
    public void RandomTopicsAreAnswered()
    {
        var random = new Random(21);
        var press = Zigbee2MqttTestData.Example("tuya-ts0215a-sos-emergency.json");
        const string alphabet = "careiot/z2mbridgesetavailability-_+#$ \n\0äAZ09//";
        for (var round = 0; round < Rounds; round++)
        {
            var chars = new char[random.Next(0, 60)];
            for (var i = 0; i < chars.Length; i++)
            {
                chars[i] = alphabet[random.Next(alphabet.Length)];
            }

            var topic = random.Next(2) == 0 ? new string(chars) : Zigbee2MqttTopics.Prefix + new string(chars);
            AssertAnswered(topic, press, 21, round);
        }
    }

    private static string Availability => Zigbee2MqttTopics.AvailabilityOf(Zigbee2MqttTestData.GatewayId, Zigbee2MqttTestData.DeviceId);

    private static Zigbee2MqttDecoder CreateDecoder()
    {
        var decoder = new Zigbee2MqttDecoder(Zigbee2MqttTestData.Catalog);
        decoder.Learn(Zigbee2MqttTestData.DeviceId, "FDS315");
        return decoder;
    }

    private static void AssertAnswered(string topic, byte[] payload, int seed, int round)
    {
        DecodeResult result;
        try
        {
            result = Decoder.Decode(topic, payload, payload.Length, Zigbee2MqttTestData.ReceivedAt);
        }
        catch (Exception ex)
        {
            Assert.Fail($"seed {seed}, round {round}: {ex.GetType().Name} escaped for {topic} {Convert.ToHexString(payload)}: {ex.Message}");
            return;
        }

        var answers = (result.Message is not null ? 1 : 0) + (result.Skipped ? 1 : 0) + (result.Reason.HasValue ? 1 : 0);
        Assert.True(answers == 1, $"seed {seed}, round {round}: not exactly one of message, skip, rejection");
        Assert.True(result.Reason is null || !string.IsNullOrWhiteSpace(result.Detail), $"seed {seed}, round {round}: {result.Reason} without detail");
    }
}
