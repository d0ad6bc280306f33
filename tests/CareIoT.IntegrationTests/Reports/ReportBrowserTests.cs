using System.Net.Http.Json;
using System.Text;
using CareIoT.DeviceProtocol;
using Microsoft.Playwright;

namespace CareIoT.IntegrationTests;

/// <summary>An inspector opens a home's uptime report in zh-CN, prints it to an A4 PDF with Chromium, and downloads the CSV.</summary>
[Collection(CareIoTHostCollection.Name)]
public sealed class ReportBrowserTests(CareIoTHostFixture host)
{
    private const float Patience = 20_000;

    [Fact]
    public async Task InspectorPrintsAHomesReportToPdfAndTheReportSaysWhatHappened()
    {
        using var admin = new CareIoTApi(host.Server.BaseAddress);
        var (household, device) = await admin.RegisterHouseholdWithCallButtonAsync();
        var from = DateTimeOffset.UtcNow.AddMinutes(-5);
        var button = await host.ConnectDeviceAsync(device, withLastWill: true);
        await button.SendAsync(device, MessageTypes.Heartbeat);
        Assert.True(await Eventually.TrueAsync(async () => (await admin.DeviceHealthAsync(device)).LastSeen is not null, TimeSpan.FromSeconds(20)));
        button.Abort();
        Assert.True(await Eventually.TrueAsync(async () => !(await admin.DeviceHealthAsync(device)).Online, TimeSpan.FromSeconds(20)));

        var name = $"检查员-{Guid.NewGuid():N}"[..10];
        var password = $"pw-{Guid.NewGuid():N}";
        (await admin.Http.PostAsJsonAsync("api/users", new { username = name, password, role = "inspector" })).EnsureSuccessStatusCode();
        await using var chromium = await SystemChromium.LaunchAsync();
        var page = await chromium.Browser.NewPageAsync(new() { ViewportSize = new() { Width = 1200, Height = 900 } });
        await BrowserSignIn.ToConsoleAsync(page, host.Server.BaseAddress, name, password);

        var to = DateTimeOffset.UtcNow.AddMinutes(5);
        var query = $"scope=household&id={household}&period=custom&from={Uri.EscapeDataString(from.ToString("O"))}&to={Uri.EscapeDataString(to.ToString("O"))}";
        var report = page.Locator("#report");
        var outages = page.Locator("#outage-list");
        var attempt = 0;
        do
        {
            // The offline transition reaches InfluxDB within the writer's flush interval; reload until it is there.
            await page.GotoAsync(new Uri(host.Server.BaseAddress, $"report.html?{query}").ToString());
            await Assertions.Expect(report).ToHaveAttributeAsync("data-ready", "true", new() { Timeout = Patience });
        }
        while (++attempt < 10 && !(await outages.InnerTextAsync()).Contains(device, StringComparison.Ordinal));

        await Assertions.Expect(outages).ToContainTextAsync("连接断开（遗嘱消息）");
        await Assertions.Expect(outages).ToContainTextAsync("持续中");
        await Assertions.Expect(page.Locator("#device-list")).ToContainTextAsync(device);
        await Assertions.Expect(page.Locator("#answers")).ToContainTextAsync("60 秒内确认");
        await Assertions.Expect(page.Locator("#report-heading")).ToContainTextAsync(household);

        await page.EmulateMediaAsync(new() { Media = Media.Print });
        await Assertions.Expect(page.Locator("#query")).ToBeHiddenAsync();
        await Assertions.Expect(report).ToBeVisibleAsync();
        var pdfPath = Path.Combine(SystemChromium.ScreenshotDirectory, "uptime-report.pdf");
        var pdf = await page.PdfAsync(new() { Format = "A4", Path = pdfPath, PrintBackground = true });
        await page.ScreenshotAsync(new() { Path = Path.Combine(SystemChromium.ScreenshotDirectory, "uptime-report.png"), FullPage = true });

        var text = Encoding.Latin1.GetString(pdf);
        Assert.StartsWith("%PDF-", text, StringComparison.Ordinal);
        Assert.Contains($"CareIoT uptime report household {household}", text, StringComparison.Ordinal);
        Assert.True(System.Text.RegularExpressions.Regex.Count(text, @"/Type\s*/Page\b") >= 1, "the PDF has no page");

        var csv = await page.APIRequest.GetAsync(new Uri(host.Server.BaseAddress, $"api/reports/uptime.csv?{query}").ToString());
        Assert.Equal(200, csv.Status);
        Assert.Contains($"{device},", await csv.TextAsync(), StringComparison.Ordinal);
    }
}
