using System.Text.Json;
using Microsoft.Playwright;

namespace CareIoT.IntegrationTests;

/// <summary>
/// The centre knows when it is blind: the host's link to the broker is cut, and within seconds every console and
/// the wall show a red "monitoring degraded" banner saying what and since when — the broker, then the silence; the
/// link comes back, a device speaks again and the banner goes; each change is in the audit log.
/// </summary>
[Collection(SelfWatchHostCollection.Name)]
public sealed class SelfWatchBrowserTests(SelfWatchHostFixture host)
{
    private const float Patience = 20_000;

    [Fact]
    public async Task ACutBrokerConnectionTurnsEveryConsoleAndTheWallRedUntilItIsBack()
    {
        using var api = new CareIoTApi(host.Server.BaseAddress);
        await using var chromium = await SystemChromium.LaunchAsync();
        var context = await chromium.Browser.NewContextAsync(new() { ViewportSize = new() { Width = 1400, Height = 900 } });
        var console = await context.NewPageAsync();
        await BrowserSignIn.ToConsoleAsync(console, host.Server.BaseAddress, TestUsers.Admin, TestUsers.AdminPassword);
        var wall = await context.NewPageAsync();
        await wall.GotoAsync(new Uri(host.Server.BaseAddress, "wall.html").ToString());
        await Assertions.Expect(console.Locator("#connection")).ToHaveAttributeAsync("data-state", "connected", new() { Timeout = Patience });
        await Assertions.Expect(console.Locator("#degraded")).ToBeHiddenAsync(new() { Timeout = Patience });

        // Devices have spoken to this host (silence counts only after that).
        var (_, button) = await api.RegisterHouseholdWithCallButtonAsync();
        await using (var device = await host.ConnectDeviceAsync(button))
        {
            await device.SendAsync(button, CareIoT.DeviceProtocol.MessageTypes.Heartbeat);
        }

        var cutAt = DateTimeOffset.UtcNow;
        host.Link.Cut();

        foreach (var page in new[] { console, wall })
        {
            await Assertions.Expect(page.Locator("#degraded")).ToBeVisibleAsync(new() { Timeout = Patience });
            await Assertions.Expect(page.Locator("#degraded")).ToContainTextAsync("MQTT 消息服务器未连接");
            await Assertions.Expect(page.Locator("#degraded")).ToHaveAttributeAsync("data-keys", new System.Text.RegularExpressions.Regex("mqtt"));
        }

        // Nothing arrives any more: after the silence limit that is a blind spot of its own.
        await Assertions.Expect(console.Locator("#degraded")).ToHaveAttributeAsync("data-keys", new System.Text.RegularExpressions.Regex("silence"), new() { Timeout = Patience });
        await Assertions.Expect(console.Locator("#degraded")).ToContainTextAsync("长时间未收到任何设备消息");
        var seenAfter = DateTimeOffset.UtcNow - cutAt;
        Assert.True(seenAfter < TimeSpan.FromSeconds(15), $"the banner took {seenAfter.TotalSeconds:F1} s");
        await console.ScreenshotAsync(new() { Path = Path.Combine(SystemChromium.ScreenshotDirectory, "console-degraded.png") });

        host.Link.Restore();
        await Assertions.Expect(console.Locator("#degraded")).Not.ToHaveAttributeAsync("data-keys", new System.Text.RegularExpressions.Regex("mqtt"), new() { Timeout = 60_000 });
        await using (var device = await host.ConnectDeviceAsync(button))
        {
            await device.SendAsync(button, CareIoT.DeviceProtocol.MessageTypes.Heartbeat); // a message again: no longer silent
        }

        await Assertions.Expect(console.Locator("#degraded")).ToBeHiddenAsync(new() { Timeout = Patience });
        await Assertions.Expect(wall.Locator("#degraded")).ToBeHiddenAsync(new() { Timeout = Patience });

        foreach (var target in new[] { "mqtt", "silence" })
        {
            var audit = JsonDocument.Parse(await api.Http.GetStringAsync($"api/admin/audit?target={target}&limit=20")).RootElement;
            var actions = audit.EnumerateArray().Select(e => e.GetProperty("action").GetString()).ToList();
            Assert.Contains("MonitoringDegraded", actions);
            Assert.Contains("MonitoringRestored", actions);
        }
    }
}
