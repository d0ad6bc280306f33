using System.Diagnostics;
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
        await page.GotoAsync(host.Server.BaseAddress.ToString());
        await Assertions.Expect(page.Locator("#connection")).ToHaveClassAsync("connection up", new() { Timeout = Patience });
        await page.FillAsync("#operator", "王调度");
        await page.DispatchEventAsync("#operator", "change");

        await using var button = await host.ConnectDeviceAsync(device);
        var clock = Stopwatch.StartNew();
        await button.PressAsync(device);
        var row = page.Locator("#queue tbody tr", new() { HasText = device });
        await Assertions.Expect(row).ToBeVisibleAsync(new() { Timeout = Patience });
        output.WriteLine($"press -> row on screen: {clock.Elapsed.TotalMilliseconds:F0} ms");
        await page.ScreenshotAsync(new() { Path = Path.Combine(SystemChromium.ScreenshotDirectory, "console-queue.png") });

        await row.ClickAsync();
        await page.ClickAsync("#acknowledge");
        await Assertions.Expect(row).ToContainTextAsync("已确认", new() { Timeout = Patience });
        await page.SelectOptionAsync("#responder", "Ambulance120");
        await page.FillAsync("#note", "疑似中风，120 已出发");
        await page.ClickAsync("#dispatch");
        await Assertions.Expect(row).ToContainTextAsync("已派遣", new() { Timeout = Patience });
        await page.ScreenshotAsync(new() { Path = Path.Combine(SystemChromium.ScreenshotDirectory, "console-detail.png") });
        await page.SelectOptionAsync("#outcome", "Resolved");
        await page.ClickAsync("#close");
        await Assertions.Expect(row).ToHaveCountAsync(0, new() { Timeout = Patience });

        var alert = Assert.Single(await api.ClosedAlertsAsync(), a => a.DeviceId == device);
        var history = (await api.AlertHistoryAsync(alert.AlertId))!;
        Assert.Equal(["Acknowledged", "Dispatched", "Resolved"], history.Events.Where(e => e.Actor == "王调度").Select(e => e.Kind));
        Assert.Equal("Resolved", history.Alert.Status);
    }

    [Fact]
    public async Task ConsoleTurnsRedAtOnceWhenTheHostGoesAwayAndRecoversWhenItReturns()
    {
        await using var chromium = await SystemChromium.LaunchAsync();
        var page = await chromium.Browser.NewPageAsync();
        await page.GotoAsync(host.Server.BaseAddress.ToString());
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
        await page.GotoAsync(host.Server.BaseAddress.ToString());
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("CareIoT 调度台");

        await page.ClickAsync("#language");

        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("CareIoT dispatch console");
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
    }
}
