using CareIoT.DeviceProtocol;

namespace CareIoT.Ingestion.Tests;

/// <summary>The decoder's promise is that it never throws: whatever arrives, it says what it is or why not.</summary>
public sealed class DecoderFuzzTests
{
    private const int Rounds = 3000;

    private static readonly DeviceMessageDecoder Decoder = new(DeviceMessageDecoder.DefaultMaxPayloadBytes);

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void RandomBytesAreDecodedOrRejectedWithoutThrowing(int seed)
    {
        var random = new Random(seed);
        for (var round = 0; round < Rounds; round++)
        {
            var payload = new byte[random.Next(0, 200)];
            random.NextBytes(payload);
            AssertAnswered(ExamplePayloads.EventsTopic, payload, seed, round);
        }
    }

    [Theory]
    [InlineData(ExamplePayloads.Press, 11)]
    [InlineData(ExamplePayloads.Cancel, 12)]
    [InlineData(ExamplePayloads.Heartbeat, 13)]
    public void MutatedExamplePayloadsAreDecodedOrRejectedWithoutThrowing(string file, int seed)
    {
        var random = new Random(seed);
        var original = ExamplePayloads.Read(file);
        for (var round = 0; round < Rounds; round++)
        {
            var payload = PayloadMutator.Mutate(original, random);
            var topic = random.Next(2) == 0 ? ExamplePayloads.EventsTopic : ExamplePayloads.StatusTopic;
            AssertAnswered(topic, payload, seed, round);
        }
    }

    [Fact]
    public void RandomTopicsAreDecodedOrRejectedWithoutThrowing()
    {
        var random = new Random(21);
        var press = ExamplePayloads.Read(ExamplePayloads.Press);
        const string alphabet = "careiot/v1devices-_+#$ \n\0äAZ09";
        for (var round = 0; round < Rounds; round++)
        {
            var chars = new char[random.Next(0, 60)];
            for (var i = 0; i < chars.Length; i++)
            {
                chars[i] = alphabet[random.Next(alphabet.Length)];
            }

            var topic = random.Next(2) == 0 ? new string(chars) : $"{DeviceTopics.Prefix}/{new string(chars)}";
            AssertAnswered(topic, press, 21, round);
        }
    }

    private static void AssertAnswered(string topic, byte[] payload, int seed, int round)
    {
        DecodeResult result;
        try
        {
            result = Decoder.Decode(topic, payload, payload.Length, ExamplePayloads.ReceivedAt);
        }
        catch (Exception ex)
        {
            Assert.Fail($"seed {seed}, round {round}: {ex.GetType().Name} escaped for payload {Convert.ToHexString(payload)}: {ex.Message}");
            return;
        }

        if (result.Message is null)
        {
            Assert.True(result.Reason.HasValue, $"seed {seed}, round {round}: neither a message nor a reason");
            Assert.False(string.IsNullOrWhiteSpace(result.Detail), $"seed {seed}, round {round}: {result.Reason} without detail");
        }
        else
        {
            Assert.Null(result.Reason);
        }
    }
}
