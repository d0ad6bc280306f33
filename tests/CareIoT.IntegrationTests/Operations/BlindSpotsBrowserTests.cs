using System.Diagnostics;
using System.Net.Sockets;
using System.Text.Json;
using System.Text.RegularExpressions;
using CareIoT.DeviceProtocol;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace CareIoT.IntegrationTests;

/// <summary>
/// Each part the centre depends on fails in turn under a signed-in console, and the console says so in red within
/// seconds, with what — the DC-09 receiver that could not listen (its port taken at start), PostgreSQL cut away,
/// InfluxDB cut away while a mattress keeps reporting (telemetry spools) — and the banner goes when the part is
/// back. Every change is in the audit log, also those that happened while the journal itself was away.
/// </summary>
[Collection(BlindSpotsHostCollection.Name)]
public sealed class BlindSpotsBrowserTests(BlindSpotsHostFixture host, ITestOutputHelper output)
{
    private const float Patience = 20_000;

    [Fact]
    public async Task EachBrokenPartTurnsTheConsoleRedWithWhatIsWrongUntilItIsBack()
    {
        using var api = new CareIoTApi(host.Server.BaseAddress);
        var (_, mattress) = await api.RegisterBedWithMattressAsync();
        await using var chromium = await SystemChromium.LaunchAsync();
        var page = await chromium.Browser.NewPageAsync(new() { ViewportSize = new() { Width = 1400, Height = 900 } });
        await BrowserSignIn.ToConsoleAsync(page, host.Server.BaseAddress, TestUsers.Admin, TestUsers.AdminPassword);
        var banner = page.Locator("#degraded");

        // The DC-09 port was taken when the host started: panels cannot report, and the console says so.
        await Assertions.Expect(banner).ToHaveAttributeAsync("data-keys", Keys("dc09:tcp"), new() { Timeout = Patience });
        await Assertions.Expect(banner).ToContainTextAsync("DC-09 报警主机接收端未在监听");
        host.ReleasePanelPort();
        await Assertions.Expect(banner).ToBeHiddenAsync(new() { Timeout = Patience });
        using (var panel = new TcpClient())
        {
            await panel.ConnectAsync("127.0.0.1", host.PanelPort); // the receiver took its port as soon as it was free
        }

        // PostgreSQL (the journal) away.
        var seen = await TimeUntilShownAsync(banner, "postgres", host.Postgres.Cut);
        await Assertions.Expect(banner).ToContainTextAsync("无法访问 PostgreSQL");
        output.WriteLine($"PostgreSQL cut → on the console after {seen.TotalSeconds:F1} s");
        Assert.True(seen < TimeSpan.FromSeconds(10), $"PostgreSQL cut: the console said so after {seen.TotalSeconds:F1} s");
        host.Postgres.Restore();
        await Assertions.Expect(banner).ToBeHiddenAsync(new() { Timeout = Patience });

        // InfluxDB away while a mattress keeps reporting: its readings spool to disk, which is a blind spot once it grows.
        await using var device = await host.ConnectDeviceAsync(mattress);
        using var reporting = new CancellationTokenSource();
        var readings = ReportAsync(device, mattress, reporting.Token);
        seen = await TimeUntilShownAsync(banner, "spool", host.Influx.Cut);
        await Assertions.Expect(banner).ToContainTextAsync("遥测数据正写入磁盘缓存");
        output.WriteLine($"InfluxDB cut → on the console after {seen.TotalSeconds:F1} s (mattress at 10 readings/s)");
        await page.ScreenshotAsync(new() { Path = Path.Combine(SystemChromium.ScreenshotDirectory, "console-degraded-spool.png") });
        host.Influx.Restore();
        await Assertions.Expect(banner).ToBeHiddenAsync(new() { Timeout = 30_000 });
        await reporting.CancelAsync();
        await readings;

        foreach (var target in new[] { "dc09:tcp", "postgres", "spool" })
        {
            var audit = JsonDocument.Parse(await api.Http.GetStringAsync($"api/admin/audit?target={Uri.EscapeDataString(target)}&limit=20")).RootElement;
            var actions = audit.EnumerateArray().Select(e => e.GetProperty("action").GetString()).ToList();
            Assert.Contains("MonitoringDegraded", actions);
            Assert.Contains("MonitoringRestored", actions);
        }
    }

    private static async Task<TimeSpan> TimeUntilShownAsync(ILocator banner, string key, Action breakIt)
    {
        var clock = Stopwatch.StartNew();
        breakIt();
        await Assertions.Expect(banner).ToHaveAttributeAsync("data-keys", Keys(key), new() { Timeout = Patience });
        return clock.Elapsed;
    }

    private static async Task ReportAsync(DeviceSimulatorClient device, string mattress, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            await device.SendAsync(mattress, MessageTypes.Vitals, fill: p => p with { Presence = true, HeartRate = 66, RespirationRate = 15, Movement = 0 });
            await Task.Delay(100, CancellationToken.None);
        }
    }

    private static Regex Keys(string key) => new($"(^| ){Regex.Escape(key)}( |$)");
}
