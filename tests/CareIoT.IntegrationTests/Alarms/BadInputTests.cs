using CareIoT.DeviceProtocol;

namespace CareIoT.IntegrationTests;

/// <summary>Bad input on the alarm path is refused with a reason, kept and counted; the host keeps running.</summary>
[Collection(CareIoTHostCollection.Name)]
public sealed class BadInputTests(CareIoTHostFixture host)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task MalformedJsonIsDeadLetteredWithTheDeviceIdAndCounted()
    {
        using var api = new CareIoTApi(host.Server.BaseAddress);
        var (_, device) = await api.RegisterHouseholdWithCallButtonAsync();

        var letter = await PublishAndFindDeadLetterAsync(api, DeviceTopics.Events(device), "{\"id\": \"x1\", \"ts\": ");

        Assert.Equal("MalformedJson", letter.Reason);
        Assert.Equal(device, letter.DeviceId);
        Assert.False(string.IsNullOrWhiteSpace(letter.Detail));
        Assert.Equal("{\"id\": \"x1\", \"ts\": ", letter.PayloadPreview);
        await AssertStillServingAsync(api);
    }

    [Fact]
    public async Task PressFromAnUnknownDeviceIsDeadLettered()
    {
        using var api = new CareIoTApi(host.Server.BaseAddress);
        var unknown = $"ghost-{Guid.NewGuid():N}"[..24];

        // A fresh time, so the press is judged on its device and not on the example file's age.
        var press = System.Text.Json.Nodes.JsonNode.Parse(TestPaths.Example("call-button-press.json"))!.AsObject();
        press["ts"] = DateTimeOffset.UtcNow.ToString("O");

        var letter = await PublishAndFindDeadLetterAsync(api, DeviceTopics.Events(unknown), press.ToJsonString());

        Assert.Equal("UnknownDevice", letter.Reason);
        Assert.Equal(unknown, letter.DeviceId);
        Assert.DoesNotContain(await api.OpenAlertsAsync(), a => a.DeviceId == unknown);
        await AssertStillServingAsync(api);
    }

    [Fact]
    public async Task PayloadOver64KiBIsDeadLetteredWithItsSize()
    {
        using var api = new CareIoTApi(host.Server.BaseAddress);
        var (_, device) = await api.RegisterHouseholdWithCallButtonAsync();
        var oversize = new byte[64 * 1024 + 1];
        Array.Fill(oversize, (byte)'x');

        var letter = await PublishAndFindDeadLetterAsync(api, DeviceTopics.Events(device), oversize);

        Assert.Equal("Oversize", letter.Reason);
        Assert.Equal(device, letter.DeviceId);
        Assert.Equal(oversize.Length, letter.PayloadSize);
        await AssertStillServingAsync(api);
    }

    private Task<DeadLetterDto> PublishAndFindDeadLetterAsync(CareIoTApi api, string topic, string payload) =>
        PublishAndFindDeadLetterAsync(api, topic, System.Text.Encoding.UTF8.GetBytes(payload));

    private async Task<DeadLetterDto> PublishAndFindDeadLetterAsync(CareIoTApi api, string topic, byte[] payload)
    {
        var rejectedBefore = (await api.IngestStatsAsync()).GetValueOrDefault("rejected");
        await using var device = await host.ConnectDeviceAsync(DeviceTopics.TryParse(topic, out var id, out _) ? id : "unparseable");
        await device.PublishAsync(topic, payload);
        var letter = await Eventually.ValueAsync(
            async () => (await api.DeadLettersAsync()).FirstOrDefault(d => d.Topic == topic), Patience, $"a dead letter on {topic}");
        Assert.True((await api.IngestStatsAsync()).GetValueOrDefault("rejected") > rejectedBefore, "the rejection was not counted");
        return letter;
    }

    /// <summary>After the bad input the host is healthy and still turns a press into an alert.</summary>
    private async Task AssertStillServingAsync(CareIoTApi api)
    {
        Assert.True(await api.IsHealthyAsync());
        var (_, device) = await api.RegisterHouseholdWithCallButtonAsync();
        await using var console = new ConsoleClient(host.Server.BaseAddress);
        await console.ConnectAsync();
        await using var button = await host.ConnectDeviceAsync(device);
        await button.PressAsync(device);
        await console.WaitForAsync(a => a.DeviceId == device, Patience);
    }
}
