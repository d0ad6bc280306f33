using MQTTnet;

namespace CareIoT.IntegrationTests;

/// <summary>
/// A device credential cannot knock the platform off the broker: on the device listeners the client id
/// is the username, and the platform's accounts live on a listener of their own that devices cannot use.
/// </summary>
[Collection(CareIoTHostCollection.Name)]
public sealed class ClientIdTests(CareIoTHostFixture host)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task ADeviceConnectingWithTheIngestLanesClientIdsLeavesIngestionRunning()
    {
        using var api = new CareIoTApi(host.Server.BaseAddress);
        var (_, thief) = await api.RegisterHouseholdWithCallButtonAsync();
        var password = host.Services.IssueCredentials(thief)[thief];
        // The lanes' client ids as the host has them (HostEnvironment: Mqtt__ClientId, IngestLane suffixes).
        var laneIds = await LaneClientIdsAsync();
        Assert.NotEmpty(laneIds);
        var logBefore = (await File.ReadAllTextAsync(host.LogFile)).Length;
        var impostors = new List<IMqttClient>();
        try
        {
            foreach (var id in laneIds)
            {
                var client = new MqttClientFactory().CreateMqttClient();
                impostors.Add(client);
                await Eventually.TrueAsync(async () => (await client.ConnectAsync(new MqttClientOptionsBuilder()
                    .WithTcpServer(host.Services.MqttHost, host.Services.MqttPort).WithClientId(id).WithCredentials(thief, password).Build())).ResultCode
                    == MqttClientConnectResultCode.Success, Patience);
            }

            // The platform's lanes are still connected: a press goes all the way to an alert.
            var (household, device) = await api.RegisterHouseholdWithCallButtonAsync();
            await using var button = await host.ConnectDeviceAsync(device);
            await button.PressAsync(device);
            Assert.NotNull(await Eventually.ValueAsync(async () => (await api.HouseholdAlertsAsync(household)).FirstOrDefault(), Patience, "alert while impostors are connected"));
            Assert.DoesNotContain("disconnected from MQTT broker", (await File.ReadAllTextAsync(host.LogFile))[logBefore..], StringComparison.Ordinal);
        }
        finally
        {
            foreach (var client in impostors)
            {
                client.Dispose();
            }
        }
    }

    [Fact]
    public async Task ADeviceCredentialIsRefusedOnThePlatformsListener()
    {
        var device = $"cb-{Guid.NewGuid():N}"[..20];
        var password = host.Services.IssueCredentials(device)[device];
        using var client = new MqttClientFactory().CreateMqttClient();
        await Task.Delay(500); // the broker reloads its password files on SIGHUP

        var result = await client.ConnectAsync(new MqttClientOptionsBuilder()
            .WithTcpServer(host.Services.MqttHost, host.Services.MqttPlatformPort).WithCredentials(device, password).Build());

        Assert.NotEqual(MqttClientConnectResultCode.Success, result.ResultCode);
    }

    private async Task<IReadOnlyList<string>> LaneClientIdsAsync()
    {
        var log = await File.ReadAllTextAsync(host.LogFile);
        return [.. System.Text.RegularExpressions.Regex.Matches(log, @"connected to MQTT broker \S+ as (\S+) ").Select(m => m.Groups[1].Value).Distinct()];
    }
}
