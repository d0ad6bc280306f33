using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;

namespace CareIoT.IntegrationTests;

/// <summary>
/// The alert detail tells the operator where and what: the home on the district map, and what its
/// device reported lately from the telemetry store — or plainly that the position is not on record.
/// </summary>
[Collection(CareIoTHostCollection.Name)]
public sealed class AlertDetailBrowserTests(CareIoTHostFixture host)
{
    private const float Patience = 15_000;

    [Fact]
    public async Task ThePressedHomeIsOnTheMapAndTheDetailListsWhatItsButtonReportedLately()
    {
        using var api = new CareIoTApi(host.Server.BaseAddress);
        var (placed, placedButton) = await api.RegisterHouseholdWithCallButtonAsync();
        (await api.Http.PutAsJsonAsync($"api/registry/households/{placed}", new
        {
            elderName = "刘淑珍", address = "东湖街道 12 号", birthYear = 1937, contacts = Array.Empty<object>(), latitude = 39.931, longitude = 116.441,
        })).EnsureSuccessStatusCode();
        var (_, unplacedButton) = await api.RegisterHouseholdWithCallButtonAsync();
        var (name, password) = await api.CreateUserAsync("dispatcher", "detail-");
        await using var chromium = await SystemChromium.LaunchAsync();
        var page = await chromium.Browser.NewPageAsync(new() { ViewportSize = new() { Width = 1500, Height = 1000 } });
        await BrowserSignIn.ToConsoleAsync(page, host.Server.BaseAddress, name, password);

        await using var device = await host.ConnectDeviceAsync(placedButton);
        await device.PressAsync(placedButton);
        var row = page.Locator("#queue tbody tr", new() { HasText = placedButton });
        await row.ClickAsync(new() { Timeout = Patience });

        await Assertions.Expect(page.Locator("#detail-map canvas")).ToBeVisibleAsync(new() { Timeout = Patience });
        await Assertions.Expect(page.Locator("#detail-map")).ToHaveAttributeAsync("data-site", placed);
        await Assertions.Expect(page.Locator("#no-position")).ToBeHiddenAsync();
        await Assertions.Expect(page.Locator("#readings li", new() { HasText = "近 24 小时心跳" })).ToBeVisibleAsync(new() { Timeout = Patience });
        await page.ScreenshotAsync(new() { Path = Path.Combine(SystemChromium.ScreenshotDirectory, "console-detail-map.png") });

        await using var other = await host.ConnectDeviceAsync(unplacedButton);
        await other.PressAsync(unplacedButton);
        await page.Locator("#queue tbody tr", new() { HasText = unplacedButton }).ClickAsync(new() { Timeout = Patience });
        await Assertions.Expect(page.Locator("#no-position")).ToBeVisibleAsync(new() { Timeout = Patience });
        await Assertions.Expect(page.Locator("#detail-map")).ToBeHiddenAsync();
    }

    [Fact]
    public async Task ADevicesRecentHistoryComesFromTheTelemetryStoreAndAHostileIdIsOnlyAnUnknownDevice()
    {
        using var api = new CareIoTApi(host.Server.BaseAddress);
        var (_, button) = await api.RegisterHouseholdWithCallButtonAsync();
        var device = await host.ConnectDeviceAsync(button, withLastWill: true);
        await device.PressAsync(button);
        device.Abort(); // gone without a goodbye: the broker sends its last will, the device is offline

        Assert.True(await Eventually.TrueAsync(async () =>
        {
            var recent = await api.Http.GetFromJsonAsync<JsonElement>($"api/devices/{button}/recent?hours=1");
            return recent.GetProperty("transitions").EnumerateArray().Any(t => !t.GetProperty("online").GetBoolean());
        }, TimeSpan.FromSeconds(20)), "the device going offline never showed in its recent history");

        // Regex and InfluxQL syntax in the id match nothing (the id is matched literally), never a 500.
        foreach (var hostile in new[] { ".*", "a|b", "x/ OR 1=1", "cb-1)$/ GROUP BY \"device\"" })
        {
            var response = await api.Http.GetAsync($"api/devices/{Uri.EscapeDataString(hostile)}/recent");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var recent = await response.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Empty(recent.GetProperty("transitions").EnumerateArray());
            Assert.Equal(0, recent.GetProperty("heartbeats").GetInt32());
        }
    }
}
