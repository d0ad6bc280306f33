using System.Diagnostics;
using System.Net.Http.Json;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace CareIoT.IntegrationTests;

/// <summary>The dispatch console in a real browser against the real host.</summary>
[Collection(CareIoTHostCollection.Name)]
public sealed class ConsoleBrowserTests(CareIoTHostFixture host, ITestOutputHelper output)
{
    private const float Patience = 15_000;

    [Fact]
    public async Task OperatorHandlesAPressFromQueueToResolvedAndTheJournalShowsEachStep()
    {
        using var api = new CareIoTApi(host.Server.BaseAddress);
        var (_, device) = await api.RegisterHouseholdWithCallButtonAsync();
        await using var chromium = await SystemChromium.LaunchAsync();
        var page = await chromium.Browser.NewPageAsync(new() { ViewportSize = new() { Width = 1400, Height = 800 } });
        var name = $"王调度-{Guid.NewGuid():N}"[..10];
        var password = $"pw-{Guid.NewGuid():N}";
        (await api.Http.PostAsJsonAsync("api/users", new { username = name, password, role = "dispatcher" })).EnsureSuccessStatusCode();
        await SignInAsync(page, name, password);
        await Assertions.Expect(page.Locator("#connection")).ToHaveClassAsync("connection up", new() { Timeout = Patience });

        await using var button = await host.ConnectDeviceAsync(device);
        var clock = Stopwatch.StartNew();
        await button.PressAsync(device);
        var row = page.Locator("#queue tbody tr", new() { HasText = device });
        await Assertions.Expect(row).ToBeVisibleAsync(new() { Timeout = Patience });
        output.WriteLine($"press -> row on screen: {clock.Elapsed.TotalMilliseconds:F0} ms");
        await page.ScreenshotAsync(new() { Path = Path.Combine(SystemChromium.ScreenshotDirectory, "console-queue.png") });

        await row.ClickAsync();
        await Assertions.Expect(page.Locator("#who")).ToContainTextAsync("李桂兰", new() { Timeout = Patience });
        await Assertions.Expect(page.Locator("#who")).ToContainTextAsync("高血压", new() { Timeout = Patience });
        await Assertions.Expect(page.Locator("#who")).ToContainTextAsync("13800000000", new() { Timeout = Patience });
        await Assertions.Expect(page.Locator("#who")).ToContainTextAsync("最近上报", new() { Timeout = Patience }); // the device as it stands
        await page.ClickAsync("#acknowledge");
        await Assertions.Expect(row).ToContainTextAsync("已确认", new() { Timeout = Patience });
        await page.SelectOptionAsync("#responder", "Ambulance120");
        await page.FillAsync("#note", "疑似中风，120 已出发");
        await page.ClickAsync("#dispatch");
        await Assertions.Expect(row).ToContainTextAsync("已派遣", new() { Timeout = Patience });
        await page.SelectOptionAsync("#outcome", "Resolved");
        await page.ClickAsync("#close");
        await Assertions.Expect(page.Locator("#action-error")).ToContainTextAsync("必做步骤未完成", new() { Timeout = Patience });

        // The response plan: the elder does not answer, the son does; both calls go into the journal.
        var elder = page.Locator("#plan li[data-step=call-elder]");
        var son = page.Locator("#plan li[data-step=call-contact]");
        await elder.Locator(".call-number").FillAsync("010-6000 0001");
        await elder.Locator(".call-outcome").SelectOptionAsync("NoAnswer");
        await elder.Locator("button").ClickAsync();
        await Assertions.Expect(elder).ToHaveClassAsync("done", new() { Timeout = Patience });
        await Assertions.Expect(son.Locator(".call-number")).ToHaveValueAsync("13800000000");
        await son.Locator(".call-outcome").SelectOptionAsync("Reached");
        await page.FillAsync("#note", "儿子十分钟到");
        await son.Locator("button").ClickAsync();
        await Assertions.Expect(son).ToHaveClassAsync("done", new() { Timeout = Patience });
        await Assertions.Expect(son).ToContainTextAsync("儿子十分钟到");
        await page.ScreenshotAsync(new() { Path = Path.Combine(SystemChromium.ScreenshotDirectory, "console-detail.png") });
        await page.ClickAsync("#close");
        await Assertions.Expect(row).ToHaveCountAsync(0, new() { Timeout = Patience });

        var alert = Assert.Single(await api.ClosedAlertsAsync(), a => a.DeviceId == device);
        var history = (await api.AlertHistoryAsync(alert.AlertId))!;
        Assert.Equal(["Acknowledged", "Dispatched", "Call", "Call", "Resolved"], history.Events.Where(e => e.Actor == name).Select(e => e.Kind));
        Assert.Equal("Resolved", history.Alert.Status);
    }

    [Fact]
    public async Task ConsoleTurnsRedAtOnceWhenTheHostGoesAwayAndRecoversWhenItReturns()
    {
        await using var chromium = await SystemChromium.LaunchAsync();
        var page = await chromium.Browser.NewPageAsync();
        await SignInAsync(page, TestUsers.Admin, TestUsers.AdminPassword);
        await Assertions.Expect(page.Locator("#connection")).ToHaveClassAsync("connection up", new() { Timeout = Patience });

        await host.Server.StopAsync();
        await Assertions.Expect(page.Locator("#connection")).ToHaveClassAsync("connection down", new() { Timeout = Patience });
        await Assertions.Expect(page.Locator("#connection")).ToContainTextAsync("连接中断", new() { Timeout = Patience });
        await page.ScreenshotAsync(new() { Path = Path.Combine(SystemChromium.ScreenshotDirectory, "console-disconnected.png") });
        await host.Server.StartAsync();

        await Assertions.Expect(page.Locator("#connection")).ToHaveClassAsync("connection up", new() { Timeout = 30_000 });
    }

    [Fact]
    public async Task ConsoleSpeaksEnglishAfterTheSwitchAndChineseByDefault()
    {
        await using var chromium = await SystemChromium.LaunchAsync();
        var page = await chromium.Browser.NewPageAsync();
        await SignInAsync(page, TestUsers.Admin, TestUsers.AdminPassword);
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("CareIoT 调度台");

        await page.ClickAsync("#language");

        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("CareIoT dispatch console");
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
    }

    [Fact]
    public async Task ConsoleWithoutASessionSendsTheBrowserToTheLoginPage()
    {
        await using var chromium = await SystemChromium.LaunchAsync();
        var page = await chromium.Browser.NewPageAsync();

        await page.GotoAsync(host.Server.BaseAddress.ToString());

        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("login\\.html$"), new() { Timeout = Patience });
        await page.FillAsync("#username", TestUsers.Admin);
        await page.FillAsync("#password", "wrong password");
        await page.ClickAsync("button[type=submit]");
        await Assertions.Expect(page.Locator("#login-error")).ToHaveTextAsync("用户名或密码错误");
    }

    [Fact]
    public async Task BedPageShowsItsMattressHealthAndLiveVitalsWithAChart()
    {
        using var api = new CareIoTApi(host.Server.BaseAddress);
        var (bed, device) = await api.RegisterBedWithMattressAsync();
        await using (var mattress = await host.ConnectDeviceAsync(device))
        {
            await mattress.SendAsync(device, DeviceProtocol.MessageTypes.Heartbeat, fill: p => p with { Battery = 77, Rssi = -61 });
            await mattress.SendAsync(device, DeviceProtocol.MessageTypes.Vitals, fill: p => p with { Presence = true, HeartRate = 67, RespirationRate = 15, Movement = 2 });
        }

        await using var chromium = await SystemChromium.LaunchAsync();
        var page = await chromium.Browser.NewPageAsync(new() { ViewportSize = new() { Width = 1400, Height = 800 } });
        await SignInAsync(page, TestUsers.Admin, TestUsers.AdminPassword);
        await page.GotoAsync(new Uri(host.Server.BaseAddress, $"site.html?kind=bed&id={bed}").ToString());

        var row = page.Locator("#devices tbody tr", new() { HasText = device });
        await Assertions.Expect(row).ToContainTextAsync("77%", new() { Timeout = Patience });
        await Assertions.Expect(row).ToContainTextAsync("-61 dBm");
        await Assertions.Expect(page.Locator("#vitals-now")).ToContainTextAsync("心率 67", new() { Timeout = Patience });
        await Assertions.Expect(page.Locator("#vitals-chart canvas")).ToHaveCountAsync(1);
        await page.ScreenshotAsync(new() { Path = Path.Combine(SystemChromium.ScreenshotDirectory, "bed-page.png") });
    }

    private Task SignInAsync(IPage page, string username, string password) =>
        BrowserSignIn.ToConsoleAsync(page, host.Server.BaseAddress, username, password);
}
