using System.Net.Http.Json;
using System.Text.Json;

namespace CareIoT.IntegrationTests;

/// <summary>A home's position on the map is personal data: exact for those who act for the person, about a kilometre for an inspector.</summary>
[Collection(CareIoTHostCollection.Name)]
public sealed class MapPrivacyTests(CareIoTHostFixture host)
{
    [Fact]
    public async Task AnInspectorSeesAHomeToAboutAKilometreAndADispatcherExactly()
    {
        using var admin = new CareIoTApi(host.Server.BaseAddress);
        var home = $"hh-{Guid.NewGuid():N}"[..15];
        (await admin.Http.PutAsJsonAsync($"api/registry/households/{home}", new
        {
            elderName = "吴桂兰", address = "和平街道 3 号", birthYear = 1938, latitude = 39.912345, longitude = 116.404321,
        })).EnsureSuccessStatusCode();
        using var inspector = await admin.AsNewUserAsync($"insp-{Guid.NewGuid():N}"[..16], "inspector");
        using var dispatcher = await admin.AsNewUserAsync($"disp-{Guid.NewGuid():N}"[..16], "dispatcher");

        var seenByInspector = await PointAsync(inspector, home);
        var seenByDispatcher = await PointAsync(dispatcher, home);

        Assert.Equal((39.91, 116.4), seenByInspector);
        Assert.Equal((39.912345, 116.404321), seenByDispatcher);
    }

    private static async Task<(double Latitude, double Longitude)> PointAsync(CareIoTApi api, string home)
    {
        var points = await api.Http.GetFromJsonAsync<JsonElement[]>("api/wall/map", Json.Web) ?? [];
        var point = points.Single(p => p.GetProperty("id").GetString() == home);
        return (point.GetProperty("latitude").GetDouble(), point.GetProperty("longitude").GetDouble());
    }
}
