namespace CareIoT.IntegrationTests;

/// <summary>At-least-once from the broker plus an idempotent journal: a host killed mid-press loses nothing and duplicates nothing.</summary>
[Collection(CareIoTHostCollection.Name)]
public sealed class CrashRecoveryTests(CareIoTHostFixture host)
{
    [Fact]
    public async Task PressPublishedJustBeforeTheHostIsKilledIsOneAlertAfterTheRestart()
    {
        using var api = new CareIoTApi(host.Server.BaseAddress);
        var (household, device) = await api.RegisterHouseholdWithCallButtonAsync();
        await using (var button = await host.ConnectDeviceAsync(device))
        {
            await button.PressAsync(device);
        }

        await host.Server.KillAsync();
        await host.Server.StartAsync();

        var found = await Eventually.TrueAsync(async () => (await api.OpenAlertsAsync()).Any(a => a.DeviceId == device), TimeSpan.FromSeconds(20));
        Assert.True(found, "the press was lost with the killed host");
        var alert = Assert.Single(await api.OpenAlertsAsync(), a => a.DeviceId == device);
        Assert.Single((await api.AlertHistoryAsync(alert.AlertId))!.Events, e => e.Kind == "Raised");
        Assert.Equal(alert.AlertId, Assert.Single(await api.HouseholdAlertsAsync(household)).AlertId);
    }
}
