using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;

namespace CareIoT.IntegrationTests;

/// <summary>
/// The relative's daily summary of their elder's home: when someone last did something there (a press is a
/// sign of life, a heartbeat is not), the day's alerts by cause, the devices — on the phone page and in the API,
/// for the household's own relative only.
/// </summary>
[Collection(CareIoTHostCollection.Name)]
public sealed class RelativeSummaryTests(CareIoTHostFixture host)
{
    private const float Patience = 15_000;

    [Fact]
    public async Task APressShowsAsTheLastSignOfLifeAndAnAlertOfTheDayOnTheRelativesPhone()
    {
        using var api = new CareIoTApi(host.Server.BaseAddress);
        var (household, device) = await api.RegisterHouseholdWithCallButtonAsync();
        var (otherHousehold, _) = await api.RegisterHouseholdWithCallButtonAsync();
        var daughter = $"dau-{Guid.NewGuid():N}"[..12];
        var password = $"pw-{Guid.NewGuid():N}";
        (await api.Http.PostAsJsonAsync("api/users", new { username = daughter, password, role = "relative", householdId = household })).EnsureSuccessStatusCode();
        using var stranger = await api.AsNewUserAsync($"rel-{Guid.NewGuid():N}"[..12], "relative", otherHousehold);

        await using var button = await host.ConnectDeviceAsync(device);
        await button.SendAsync(device, CareIoT.DeviceProtocol.MessageTypes.Heartbeat);
        var pressedAt = DateTimeOffset.UtcNow;
        await button.PressAsync(device);
        var body = await Eventually.ValueAsync(async () =>
        {
            var text = await api.Http.GetStringAsync($"api/sites/households/{household}/summary");
            return JsonDocument.Parse(text).RootElement.GetProperty("alerts").GetArrayLength() > 0 ? text : null;
        }, TimeSpan.FromSeconds(15), "the press among the day's alerts");
        var summary = JsonDocument.Parse(body).RootElement;

        var lastSign = summary.GetProperty("lastSignOfLife").GetDateTimeOffset();
        Assert.InRange(lastSign, pressedAt.AddSeconds(-5), DateTimeOffset.UtcNow);
        var call = Assert.Single(summary.GetProperty("alerts").EnumerateArray());
        Assert.Equal("PersonalEmergency", call.GetProperty("cause").GetString());
        Assert.Equal(1, call.GetProperty("count").GetInt32());
        Assert.Equal(1, summary.GetProperty("stillOpen").GetInt32());
        Assert.Equal(1, summary.GetProperty("devices").GetInt32());
        Assert.Equal(1, summary.GetProperty("devicesOnline").GetInt32());
        Assert.Equal(HttpStatusCode.Forbidden, (await stranger.Http.GetAsync($"api/sites/households/{household}/summary")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await api.Http.GetAsync($"api/sites/households/no-such-{Guid.NewGuid():N}/summary")).StatusCode);

        await using var chromium = await SystemChromium.LaunchAsync();
        var phone = await chromium.Browser.NewPageAsync(new() { ViewportSize = new() { Width = 390, Height = 844 }, IsMobile = true });
        await BrowserSignIn.SubmitAsync(phone, host.Server.BaseAddress, daughter, password);
        await Assertions.Expect(phone.Locator("#summary dd[data-fact=alertsLastDay]")).ToContainTextAsync("× 1", new() { Timeout = Patience });
        await Assertions.Expect(phone.Locator("#summary dd[data-fact=lastSignOfLife]")).ToContainTextAsync("分钟前");
        await Assertions.Expect(phone.Locator("#summary dd[data-fact=devicesOnline]")).ToContainTextAsync("1/1");
        await phone.ScreenshotAsync(new() { Path = Path.Combine(SystemChromium.ScreenshotDirectory, "relative-summary.png"), FullPage = true });
    }
}
