using System.Net;
using System.Net.Http.Json;
using CareIoT.DeviceProtocol;
using Microsoft.Playwright;

namespace CareIoT.IntegrationTests;

/// <summary>
/// The duty shift's queue in a real browser: who and where (not site ids), life-safety and technical
/// alerts in separate lists, filters and search, and technical alerts acknowledged in bulk — each
/// journaled as the operator's own acknowledge — while a life-safety alert can never be.
/// </summary>
[Collection(CareIoTHostCollection.Name)]
public sealed class QueueBrowserTests(CareIoTHostFixture host)
{
    private const float Patience = 15_000;

    [Fact]
    public async Task APressAndTwoTechnicalAlertsAreListedApartFilteredSearchedAndTheTechnicalOnesAcknowledgedTogether()
    {
        using var api = new CareIoTApi(host.Server.BaseAddress);
        var community = $"和平社区-{Guid.NewGuid():N}"[..12];
        var (household, button) = await api.RegisterHouseholdWithCallButtonAsync();
        (await api.Http.PutAsJsonAsync($"api/registry/households/{household}", new
        {
            elderName = "张秀英", address = "朝阳区和平街道 9 号", birthYear = 1936, medicalNotes = "", contacts = Array.Empty<object>(), community,
        })).EnsureSuccessStatusCode();
        var (_, silent) = await api.RegisterHouseholdWithAsync("SmokeAlarm");
        var (_, flat) = await api.RegisterHouseholdWithAsync("SmokeAlarm");
        var name = $"调度-{Guid.NewGuid():N}"[..10];
        var password = $"pw-{Guid.NewGuid():N}";
        (await api.Http.PostAsJsonAsync("api/users", new { username = name, password, role = "dispatcher" })).EnsureSuccessStatusCode();
        await using var chromium = await SystemChromium.LaunchAsync();
        var page = await chromium.Browser.NewPageAsync(new() { ViewportSize = new() { Width = 1500, Height = 900 } });
        await BrowserSignIn.ToConsoleAsync(page, host.Server.BaseAddress, name, password);

        await using var pressing = await host.ConnectDeviceAsync(button);
        await pressing.PressAsync(button);
        var alarm = await host.ConnectDeviceAsync(silent, withLastWill: true);
        alarm.Abort();
        await using var battery = await host.ConnectDeviceAsync(flat);
        await battery.SendAsync(flat, MessageTypes.Heartbeat, fill: p => p with { Battery = 9 });

        var press = page.Locator("#queue tbody tr", new() { HasText = button });
        var offline = page.Locator("#technical tbody tr", new() { HasText = silent });
        var low = page.Locator("#technical tbody tr", new() { HasText = flat });
        await Assertions.Expect(press).ToContainTextAsync("张秀英", new() { Timeout = Patience });
        await Assertions.Expect(press).ToContainTextAsync("岁");
        await Assertions.Expect(press).ToContainTextAsync(community);
        await Assertions.Expect(offline).ToBeVisibleAsync(new() { Timeout = Patience });
        await Assertions.Expect(low).ToBeVisibleAsync(new() { Timeout = Patience });
        await Assertions.Expect(page.Locator("#technical tbody tr", new() { HasText = button })).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("#queue tbody tr", new() { HasText = silent })).ToHaveCountAsync(0);
        await page.ScreenshotAsync(new() { Path = Path.Combine(SystemChromium.ScreenshotDirectory, "console-queue-lists.png") });

        await page.SelectOptionAsync("#filter-community", community);
        await Assertions.Expect(page.Locator("#queue tbody tr")).ToHaveCountAsync(1);
        await Assertions.Expect(offline).ToHaveCountAsync(0);
        await page.SelectOptionAsync("#filter-community", "");
        await page.SelectOptionAsync("#filter-cause", "LowBattery");
        await Assertions.Expect(low).ToBeVisibleAsync();
        await Assertions.Expect(offline).ToHaveCountAsync(0);
        await Assertions.Expect(press).ToHaveCountAsync(0);
        await page.SelectOptionAsync("#filter-cause", "");
        await page.FillAsync("#search", silent);
        await Assertions.Expect(page.Locator("#technical tbody tr")).ToHaveCountAsync(1);
        await Assertions.Expect(press).ToHaveCountAsync(0);
        await page.FillAsync("#search", "");

        await offline.Locator("input[type=checkbox]").CheckAsync();
        await low.Locator("input[type=checkbox]").CheckAsync();
        await page.ClickAsync("#acknowledge-selected");
        await Assertions.Expect(page.Locator("#bulk-result")).ToContainTextAsync("已确认 2 条", new() { Timeout = Patience });
        await Assertions.Expect(offline).ToContainTextAsync("已确认", new() { Timeout = Patience });
        await Assertions.Expect(low).ToContainTextAsync("已确认", new() { Timeout = Patience });
        await Assertions.Expect(press).ToContainTextAsync("待响应");

        var open = await api.OpenAlertsAsync();
        foreach (var device in new[] { silent, flat })
        {
            var history = (await api.AlertHistoryAsync(open.Single(a => a.DeviceId == device).AlertId))!;
            Assert.Contains(history.Events, e => e.Kind == "Acknowledged" && e.Actor == name);
        }

        var fire = open.Single(a => a.DeviceId == button);
        using var refused = await api.Http.PostAsJsonAsync("api/alerts/acknowledge", new { alertIds = new[] { fire.AlertId } });
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("LifeSafety", await refused.Content.ReadAsStringAsync());
        Assert.Equal("Raised", (await api.AlertHistoryAsync(fire.AlertId))!.Alert.Status);
    }
}
