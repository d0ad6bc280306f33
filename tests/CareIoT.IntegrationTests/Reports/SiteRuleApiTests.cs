using System.Net;
using System.Net.Http.Json;
using CareIoT.DeviceProtocol;

namespace CareIoT.IntegrationTests;

/// <summary>Per-site rule settings through the API, and a time-based rule firing on the running host.</summary>
[Collection(CareIoTHostCollection.Name)]
public sealed class SiteRuleApiTests(CareIoTHostFixture host)
{
    [Fact]
    public async Task InvalidBedThresholdsAreABadRequestAndValidOnesAreKept()
    {
        using var api = new CareIoTApi(host.Server.BaseAddress);
        var http = api.Http;
        var bed = $"bed-{Guid.NewGuid():N}"[..16];

        var invalid = await http.PutAsJsonAsync($"api/sites/beds/{bed}/thresholds", new { heartRateLow = 130, heartRateHigh = 120 });
        var valid = await http.PutAsJsonAsync($"api/sites/beds/{bed}/thresholds", new { bedridden = true, outOfBedLimit = "00:20:00" });
        var kept = await http.GetFromJsonAsync<Dictionary<string, object>>($"api/sites/beds/{bed}/thresholds");

        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        Assert.Equal(HttpStatusCode.OK, valid.StatusCode);
        Assert.Equal("True", kept!["bedridden"].ToString());
        Assert.Equal("00:20:00", kept["outOfBedLimit"].ToString());
    }

    [Fact]
    public async Task BedriddenResidentLeavingTheBedRaisesPresenceLostOnTheConsole()
    {
        using var api = new CareIoTApi(host.Server.BaseAddress);
        var http = api.Http;
        var (bed, device) = await api.RegisterBedWithMattressAsync();
        (await http.PutAsJsonAsync($"api/sites/beds/{bed}/thresholds", new { bedridden = true, presenceLostGrace = "00:00:01" })).EnsureSuccessStatusCode();
        await using var console = new ConsoleClient(host.Server.BaseAddress);
        await console.ConnectAsync();
        await using var mattress = await host.ConnectDeviceAsync(device);

        await mattress.SendAsync(device, MessageTypes.Vitals, fill: p => p with { Presence = true, HeartRate = 66, RespirationRate = 15, Movement = 8 });
        await mattress.SendAsync(device, MessageTypes.BedExit);

        // The bed's rules look at the clock every 15 s.
        var (alert, _) = await console.WaitForAsync(a => a.Site.Id == bed, TimeSpan.FromSeconds(30));
        Assert.Equal(("PresenceLostBedridden", "High"), (alert.Cause, alert.Priority));
    }
}
