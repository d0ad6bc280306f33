using System.Net.Http.Json;
using CareIoT.DeviceSimulator;

namespace CareIoT.IntegrationTests;

/// <summary>The simulator's fleet with NB-IoT smoke alarms: bound by its own registrar, pushed as OneNET and CTWing push, alarms raised on the real host.</summary>
[Collection(CarrierPushHostCollection.Name)]
public sealed class CarrierPushFleetTests(CarrierPushHostFixture host)
{
    [Fact]
    public async Task TheFleetsNbIotAlarmsOnBothPlatformsAreBoundAndTheirSmokeRaisesFireAlerts()
    {
        var prefix = $"nbf{Guid.NewGuid():N}"[..10];
        var options = new FleetOptions(0, 0, prefix, TimeSpan.FromMinutes(10), TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(10), null,
            NbIotHouseholds: 2, NbIotAlarmEvery: TimeSpan.FromSeconds(1), OneNetToken: CarrierPushHostFixture.OneNetToken, CtwingToken: CarrierPushHostFixture.CtwingSecret);
        var fleet = new Fleet(BrokerAddress.Parse($"{host.Services.MqttHost}:{host.Services.MqttPort}"), options, new Dictionary<string, string>(),
            new ApiLogin(TestUsers.Admin, TestUsers.AdminPassword));
        using var api = new CareIoTApi(host.Server.BaseAddress);

        await fleet.RunAsync(host.Server.BaseAddress, TimeSpan.FromSeconds(12), CancellationToken.None);

        var homes = options.NbIotHomes.ToList();
        Assert.Equal(["onenet", "ctwing"], homes.Select(h => h.Platform));
        foreach (var home in homes)
        {
            var bound = await api.Http.GetFromJsonAsync<Dictionary<string, string>>($"api/install/nbiot/{home.Imei}");
            Assert.Equal(home.Platform, bound!["platform"]);
            var health = await api.DeviceHealthAsync($"nb-{home.Imei}");
            Assert.True(health.Online);
        }

        var fires = (await Task.WhenAll(homes.Select(h => api.HouseholdAlertsAsync(h.HouseholdId)))).SelectMany(a => a).Where(a => a.Cause == "Fire").ToList();
        Assert.NotEmpty(fires);
    }
}
