using Microsoft.Playwright;

namespace CareIoT.IntegrationTests;

/// <summary>
/// A console the operator is not looking at still gets attention: a hidden tab shows a browser notification
/// and a flashing title for a new alert, and a console the server has stopped reaching says so in red.
/// </summary>
[Collection(CareIoTHostCollection.Name)]
public sealed class AttentionBrowserTests(CareIoTHostFixture host)
{
    private const float Patience = 15_000;

    // What the browser would do with permission granted and the tab in the background; the page code only
    // sees the standard Notification API and document.hidden / visibilitychange.
    private const string GrantedAndHideable = """
        window.__notified = [];
        window.__hidden = false;
        window.Notification = class {
          static get permission() { return "granted"; }
          static requestPermission() { return Promise.resolve("granted"); }
          constructor(title, options) { window.__notified.push({ title, body: (options && options.body) || "" }); }
          close() {}
        };
        Object.defineProperty(Document.prototype, "hidden", { configurable: true, get() { return window.__hidden; } });
        Object.defineProperty(Document.prototype, "visibilityState", { configurable: true, get() { return window.__hidden ? "hidden" : "visible"; } });
        """;

    [Fact]
    public async Task ANewAlertInAHiddenTabIsANotificationAndAFlashingTitleUntilTheTabIsSeen()
    {
        using var api = new CareIoTApi(host.Server.BaseAddress);
        var (_, device) = await api.RegisterHouseholdWithCallButtonAsync();
        await using var chromium = await SystemChromium.LaunchAsync();
        var context = await chromium.Browser.NewContextAsync();
        await context.AddInitScriptAsync(GrantedAndHideable);
        var page = await context.NewPageAsync();
        await BrowserSignIn.ToConsoleAsync(page, host.Server.BaseAddress, TestUsers.Admin, TestUsers.AdminPassword);
        await Assertions.Expect(page.Locator("#connection")).ToHaveClassAsync("connection up", new() { Timeout = Patience });
        await page.EvaluateAsync("() => { window.__hidden = true; document.dispatchEvent(new Event('visibilitychange')); }");

        await using var button = await host.ConnectDeviceAsync(device);
        await button.PressAsync(device);

        await page.WaitForFunctionAsync($"() => window.__notified.some(n => n.body.includes('{device}'))", null, new() { Timeout = Patience });
        await Assertions.Expect(page).ToHaveTitleAsync("【紧急呼叫】CareIoT 调度台", new() { Timeout = Patience });
        await page.EvaluateAsync("() => { window.__hidden = false; document.dispatchEvent(new Event('visibilitychange')); }");
        await Assertions.Expect(page).ToHaveTitleAsync("CareIoT 调度台", new() { Timeout = Patience });
        var notification = await page.EvaluateAsync<string>("() => window.__notified.find(n => n.body.includes('" + device + "')).title");
        Assert.Equal("紧急 · 紧急呼叫", notification);
    }

    [Fact]
    public async Task AConsoleTheServerStopsReachingShowsARedBannerUntilPushesComeAgain()
    {
        await using var chromium = await SystemChromium.LaunchAsync();
        var page = await chromium.Browser.NewPageAsync();
        await BrowserSignIn.ToConsoleAsync(page, host.Server.BaseAddress, TestUsers.Admin, TestUsers.AdminPassword);
        await Assertions.Expect(page.Locator("#connection")).ToHaveClassAsync("connection up", new() { Timeout = Patience });
        await Assertions.Expect(page.Locator("#stale")).ToBeHiddenAsync();

        host.Server.Freeze(); // a hang: the socket stays open, nothing comes through it
        try
        {
            await Assertions.Expect(page.Locator("#stale")).ToBeVisibleAsync(new() { Timeout = Patience });
            await Assertions.Expect(page.Locator("#stale")).ToContainTextAsync("秒未收到服务器推送");
        }
        finally
        {
            host.Server.Thaw();
        }

        await Assertions.Expect(page.Locator("#stale")).ToBeHiddenAsync(new() { Timeout = Patience });
        using var api = new CareIoTApi(host.Server.BaseAddress);
        Assert.True(await api.IsHealthyAsync());
    }
}
