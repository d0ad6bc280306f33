using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Playwright;

namespace CareIoT.IntegrationTests;

/// <summary>A relative sees their own elder's status page and nothing else: not another home, not the queue, not the hub.</summary>
[Collection(CareIoTHostCollection.Name)]
public sealed class RelativeAccessTests(CareIoTHostFixture host)
{
    private const float Patience = 15_000;

    [Fact]
    public async Task RelativeSeesTheirOwnHouseholdAndIsRefusedEverythingElse()
    {
        using var admin = new CareIoTApi(host.Server.BaseAddress);
        var (own, ownDevice) = await admin.RegisterHouseholdWithCallButtonAsync();
        var (other, _) = await admin.RegisterHouseholdWithCallButtonAsync();
        using var relative = await admin.AsNewUserAsync($"rel-{Guid.NewGuid():N}"[..16], "relative", own);

        Assert.Equal(HttpStatusCode.OK, (await relative.Http.GetAsync($"api/sites/households/{own}")).StatusCode);
        var devices = await relative.Http.GetFromJsonAsync<SiteDeviceDto[]>($"api/sites/households/{own}/devices", Json.Web);
        Assert.Contains(devices!, d => d.DeviceId == ownDevice);
        Assert.Equal(HttpStatusCode.OK, (await relative.Http.GetAsync($"api/sites/households/{own}/alerts")).StatusCode);

        foreach (var path in new[] { $"api/sites/households/{other}", $"api/sites/households/{other}/devices", $"api/sites/households/{other}/alerts", "api/alerts/open", $"api/devices/{ownDevice}/health" })
        {
            Assert.True((await relative.Http.GetAsync(path)).StatusCode == HttpStatusCode.Forbidden, path);
        }

        await using var hub = new HubConnectionBuilder()
            .WithUrl(new Uri(host.Server.BaseAddress, "hubs/dispatch"), o => o.Cookies = relative.Cookies)
            .Build();
        var refused = await Assert.ThrowsAnyAsync<HttpRequestException>(() => hub.StartAsync());
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
    }

    [Fact]
    public async Task RelativeWithoutAHouseholdIsNotCreated()
    {
        using var admin = new CareIoTApi(host.Server.BaseAddress);
        var response = await admin.Http.PostAsJsonAsync("api/users", new { username = $"rel-{Guid.NewGuid():N}"[..16], password = "long-enough-pw", role = "relative", householdId = "hh-nobody" });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("registered household", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RelativeLandsOnTheirElderInTheBrowserAndCannotOpenAnotherHousehold()
    {
        using var admin = new CareIoTApi(host.Server.BaseAddress);
        var (own, _) = await admin.RegisterHouseholdWithCallButtonAsync();
        var (other, _) = await admin.RegisterHouseholdWithCallButtonAsync();
        var name = $"家属-{Guid.NewGuid():N}"[..10];
        var password = $"pw-{Guid.NewGuid():N}";
        (await admin.Http.PostAsJsonAsync("api/users", new { username = name, password, role = "relative", householdId = own })).EnsureSuccessStatusCode();

        await using var chromium = await SystemChromium.LaunchAsync();
        var page = await chromium.Browser.NewPageAsync(new() { ViewportSize = new() { Width = 420, Height = 860 } });
        await BrowserSignIn.SubmitAsync(page, host.Server.BaseAddress, name, password);

        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex($"site\\.html\\?kind=household&id={own}$"), new() { Timeout = Patience });
        await Assertions.Expect(page.Locator("#who")).ToContainTextAsync("李桂兰", new() { Timeout = Patience });
        await Assertions.Expect(page.Locator("#site-status")).ToContainTextAsync("当前无报警", new() { Timeout = Patience });
        await Assertions.Expect(page.Locator("#back")).ToBeHiddenAsync();
        await page.ScreenshotAsync(new() { Path = Path.Combine(SystemChromium.ScreenshotDirectory, "relative-status.png") });

        await page.GotoAsync(new Uri(host.Server.BaseAddress, $"site.html?kind=household&id={other}").ToString());
        await Assertions.Expect(page.Locator("#forbidden")).ToContainTextAsync("无权", new() { Timeout = Patience });
        await Assertions.Expect(page.Locator("#who")).Not.ToContainTextAsync("李桂兰");

        await page.GotoAsync(host.Server.BaseAddress.ToString());
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex($"id={own}$"), new() { Timeout = Patience });
    }
}
