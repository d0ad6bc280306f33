using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace CareIoT.IntegrationTests;

/// <summary>
/// Every page of the console under the host's Content-Security-Policy (no inline script or style,
/// nothing from another host) in a real browser, used far enough that its scripts, ECharts and
/// SignalR have run: not one violation may be reported.
/// </summary>
[Collection(CareIoTHostCollection.Name)]
public sealed partial class PageSecurityPolicyBrowserTests(CareIoTHostFixture host, ITestOutputHelper output)
{
    private const float Patience = 20_000;

    [Fact]
    public async Task EveryPageRunsUnderTheContentSecurityPolicyWithoutAViolation()
    {
        using var admin = new CareIoTApi(host.Server.BaseAddress);
        var (household, device) = await RegisterMappedHomeAsync(admin);
        var (bed, _) = await admin.RegisterBedWithMattressAsync();
        await using (var button = await host.ConnectDeviceAsync(device))
        {
            await button.PressAsync(device);
        }

        var inspectorPassword = $"pw-{Guid.NewGuid():N}";
        var inspectorName = $"csp-insp-{Guid.NewGuid():N}"[..18];
        (await admin.Http.PostAsJsonAsync("api/users", new { username = inspectorName, password = inspectorPassword, role = "inspector" })).EnsureSuccessStatusCode();

        await using var chromium = await SystemChromium.LaunchAsync();
        await using var context = await chromium.Browser.NewContextAsync(new() { ViewportSize = new() { Width = 1400, Height = 900 } });
        var watch = await CspWatch.AttachAsync(context);
        var page = await context.NewPageAsync();
        var violations = new List<string>();
        async Task VisitedAsync(string what)
        {
            await page.WaitForLoadStateAsync(LoadState.NetworkIdle, new() { Timeout = 5_000 }).ContinueWith(_ => { }, TaskScheduler.Default);
            var found = await watch.ViolationsAsync(page);
            output.WriteLine($"{what}: {found.Count} violations");
            violations.AddRange(found);
        }

        await page.GotoAsync(Url("login.html"));
        await Assertions.Expect(page.Locator("#login button")).ToHaveTextAsync("登录");
        await VisitedAsync("login");

        await BrowserSignIn.ToConsoleAsync(page, host.Server.BaseAddress, TestUsers.Admin, TestUsers.AdminPassword);
        await Assertions.Expect(page.Locator("#connection")).ToHaveClassAsync("connection up", new() { Timeout = Patience });
        await page.Locator("#queue tbody tr", new() { HasText = device }).ClickAsync(new() { Timeout = Patience });
        await Assertions.Expect(page.Locator("#who")).ToContainTextAsync("吴桂珍", new() { Timeout = Patience });
        await VisitedAsync("console");

        await page.GotoAsync(Url($"site.html?kind=household&id={household}"));
        await Assertions.Expect(page.Locator("#who")).ToContainTextAsync("吴桂珍", new() { Timeout = Patience });
        await VisitedAsync("household page");

        await page.GotoAsync(Url($"site.html?kind=bed&id={bed}"));
        await Assertions.Expect(page.Locator("#vitals-chart canvas")).ToHaveCountAsync(1, new() { Timeout = Patience });
        await VisitedAsync("bed page");

        await page.GotoAsync(Url("shift.html"));
        await Assertions.Expect(page.Locator("#open-count")).ToHaveTextAsync(Digits(), new() { Timeout = Patience });
        await VisitedAsync("shift");

        await page.GotoAsync(Url("wall.html"));
        await Assertions.Expect(page.Locator("#connection")).ToHaveClassAsync("connection up", new() { Timeout = Patience });
        await Assertions.Expect(page.Locator("#wall .tile").First).ToBeVisibleAsync(new() { Timeout = Patience });
        await VisitedAsync("wall");

        await page.GotoAsync(Url("map.html"));
        await Assertions.Expect(page.Locator("#map")).ToHaveAttributeAsync("data-places", NotZero(), new() { Timeout = Patience });
        await page.Locator("#map").HoverAsync(); // the tooltip is HTML that ECharts writes
        await VisitedAsync("map");

        await page.GotoAsync(Url("install.html"));
        await page.FillAsync("#search", household);
        await page.ClickAsync("#find button[type=submit]");
        await page.Locator("#found button").First.ClickAsync(new() { Timeout = Patience });
        await Assertions.Expect(page.Locator("#home")).ToBeVisibleAsync();
        await VisitedAsync("install");

        await page.GotoAsync(Url("import.html"));
        await Assertions.Expect(page.Locator("#check")).ToBeVisibleAsync();
        await VisitedAsync("import");

        await page.GotoAsync(Url("report.html"));
        await Assertions.Expect(page.Locator("#query")).ToBeVisibleAsync();
        await VisitedAsync("report (admin)");

        await page.GotoAsync(Url("nights.html"));
        await Assertions.Expect(page.Locator("#beds")).ToHaveAttributeAsync("data-ready", "true", new() { Timeout = Patience });
        await VisitedAsync("nights");

        // Reports are the inspectors' (and draw their chart as SVG).
        await BrowserSignIn.ToConsoleAsync(page, host.Server.BaseAddress, inspectorName, inspectorPassword);
        var from = DateTimeOffset.UtcNow.AddHours(-1).ToString("O");
        var to = DateTimeOffset.UtcNow.AddMinutes(5).ToString("O");
        await page.GotoAsync(Url($"report.html?scope=household&id={household}&period=custom&from={Uri.EscapeDataString(from)}&to={Uri.EscapeDataString(to)}"));
        await Assertions.Expect(page.Locator("#report")).ToHaveAttributeAsync("data-ready", "true", new() { Timeout = Patience });
        await Assertions.Expect(page.Locator("#chart svg").First).ToBeVisibleAsync();
        await VisitedAsync("report (inspector)");

        Assert.True(violations.Count == 0, string.Join('\n', violations));
    }

    private string Url(string path) => new Uri(host.Server.BaseAddress, path).ToString();

    private static async Task<(string Household, string Device)> RegisterMappedHomeAsync(CareIoTApi api)
    {
        var suffix = Guid.NewGuid().ToString("N")[..12];
        (await api.Http.PutAsJsonAsync($"api/registry/households/hh-{suffix}", new
        {
            elderName = "吴桂珍", address = "东湖街道 7 号", birthYear = 1939, latitude = 39.935, longitude = 116.445,
            contacts = new[] { new { name = "吴强", relation = "儿子", phone = "13900000000" } },
        })).EnsureSuccessStatusCode();
        (await api.Http.PutAsJsonAsync($"api/registry/devices/cb-{suffix}", new { kind = "CallButton", householdId = $"hh-{suffix}" })).EnsureSuccessStatusCode();
        return ($"hh-{suffix}", $"cb-{suffix}");
    }

    [GeneratedRegex("^[0-9]+$")]
    private static partial Regex Digits();

    [GeneratedRegex("^[1-9]")]
    private static partial Regex NotZero();
}
