using System.Net;
using System.Net.Http.Json;
using CareIoT.DeviceSimulator;

namespace CareIoT.IntegrationTests;

/// <summary>The installer's side of NB-IoT alarms, as the tests use it: fresh IMEIs bound to fresh households, and the receivers' counters.</summary>
public static class CarrierPushApi
{
    public static string NewImei() => $"86{Random.Shared.NextInt64(1_000_000_000_000, 9_999_999_999_999)}";

    /// <summary>Registers a household and binds a fresh NB-IoT smoke alarm on <paramref name="platform"/> to it (201 asserted).</summary>
    public static async Task<(string Household, SimulatedNbIotAlarm Alarm)> BindNbIotAlarmAsync(this CareIoTApi api, HttpClient push, string platform)
    {
        var (household, _) = await api.RegisterHouseholdWithCallButtonAsync();
        var imei = NewImei();
        var devId = platform == "onenet" ? Random.Shared.NextInt64(100_000_000, 999_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture) : imei;
        using var bound = await api.Http.PutAsJsonAsync($"api/install/nbiot/{imei}", new
        {
            householdId = household, platform, product = platform == "onenet" ? "example-onenet-smoke" : "example-ctwing-smoke",
            platformDeviceId = platform == "onenet" ? devId : null,
        });
        Assert.Equal(HttpStatusCode.Created, bound.StatusCode);
        var token = platform == "onenet" ? CarrierPushHostFixture.OneNetToken : CarrierPushHostFixture.CtwingSecret;
        return (household, new SimulatedNbIotAlarm(push, platform, imei, devId, token));
    }

    public static async Task<Dictionary<string, long>> CarrierStatsAsync(this CareIoTApi api) =>
        await api.Http.GetFromJsonAsync<Dictionary<string, long>>("api/carrier/stats") ?? [];
}
