using System.Net;
using System.Net.Http.Json;

namespace CareIoT.IntegrationTests;

/// <summary>
/// The installers' API touches the broker accounts of registered devices only: never the platform's
/// own (the ingest service) nor a Zigbee2MQTT gateway's — each attempt found from outside is refused,
/// and ingestion keeps running through all of them.
/// </summary>
[Collection(CareIoTHostCollection.Name)]
public sealed class PlatformAccountTests(CareIoTHostFixture host)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task AnInstallerCannotFitReissueOrRevokeTheIngestAccountAndIngestionKeepsRunning()
    {
        using var admin = new CareIoTApi(host.Server.BaseAddress);
        using var installer = await admin.AsNewUserAsync($"inst-{Guid.NewGuid():N}"[..16], "installer");
        var (household, _) = await admin.RegisterHouseholdWithCallButtonAsync();
        var ingest = host.Services.MqttIngestUsername;

        var fit = await installer.Http.PostAsJsonAsync("api/install/devices", new { serial = ingest, kind = "CallButton", householdId = household });
        var fitUpper = await installer.Http.PostAsJsonAsync("api/install/devices", new { serial = "CAREIOT-INGEST", kind = "CallButton", householdId = household });
        var reissue = await installer.Http.PostAsync($"api/install/devices/{ingest}/credentials", null);
        var revoke = await installer.Http.DeleteAsync($"api/install/devices/{ingest}");
        var register = await admin.Http.PutAsJsonAsync($"api/registry/devices/{ingest}", new { kind = "CallButton", householdId = household });

        Assert.Equal(HttpStatusCode.BadRequest, fit.StatusCode);
        Assert.Contains("reserved", await fit.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, fitUpper.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, reissue.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, revoke.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, register.StatusCode);
        await AssertIngestionRunsAsync(admin);
    }

    [Fact]
    public async Task RevokingAnUnregisteredIdLeavesItsBrokerAccountAlone()
    {
        using var admin = new CareIoTApi(host.Server.BaseAddress);
        using var installer = await admin.AsNewUserAsync($"inst-{Guid.NewGuid():N}"[..16], "installer");
        // An account the broker knows but the registry does not (a gateway being set up, a bench tool).
        var stranger = $"acct-{Guid.NewGuid():N}"[..20];
        var password = host.Services.IssueCredentials(stranger)[stranger];

        var revoke = await installer.Http.DeleteAsync($"api/install/devices/{stranger}");

        Assert.Equal(HttpStatusCode.NotFound, revoke.StatusCode);
        await using var client = new DeviceSimulatorClient(host.Services.MqttHost, host.Services.MqttPort, stranger, password);
        Assert.True(await Eventually.TrueAsync(async () => (await client.ConnectAsync()).ResultCode == MQTTnet.MqttClientConnectResultCode.Success, Patience),
            "the DELETE revoked the broker account of an id that is not a registered device");
    }

    [Fact]
    public async Task AGatewaysAccountCannotBeFittedReissuedOrRevokedAsADevice()
    {
        using var admin = new CareIoTApi(host.Server.BaseAddress);
        using var installer = await admin.AsNewUserAsync($"inst-{Guid.NewGuid():N}"[..16], "installer");
        var gateway = $"gw-{Guid.NewGuid():N}"[..16];
        var (household, _) = await admin.RegisterHouseholdWithZigbeeDeviceAsync("CallButton", gateway, "SNZB-01");

        var fit = await installer.Http.PostAsJsonAsync("api/install/devices", new { serial = gateway, kind = "CallButton", householdId = household });
        var reissue = await installer.Http.PostAsync($"api/install/devices/{gateway}/credentials", null);
        var revoke = await installer.Http.DeleteAsync($"api/install/devices/{gateway}");

        Assert.Equal(HttpStatusCode.BadRequest, fit.StatusCode);
        Assert.Contains("gateway", await fit.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, reissue.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, revoke.StatusCode);
    }

    [Fact]
    public void TheBrokerScriptRefusesPlatformAccountsWhoeverRunsIt()
    {
        var refused = Assert.ThrowsAny<Exception>(() => host.Services.IssueCredentials("careiot-ingest"));
        Assert.Contains("platform account", refused.Message, StringComparison.Ordinal);
    }

    private async Task AssertIngestionRunsAsync(CareIoTApi admin)
    {
        var (household, device) = await admin.RegisterHouseholdWithCallButtonAsync();
        await using var button = await host.ConnectDeviceAsync(device);
        await button.PressAsync(device);
        Assert.NotNull(await Eventually.ValueAsync(async () => (await admin.HouseholdAlertsAsync(household)).FirstOrDefault(), Patience, "alert after the attempts"));
    }
}
