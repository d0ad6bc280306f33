using System.Net;
using System.Net.Http.Json;
using CareIoT.DeviceProtocol;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace CareIoT.IntegrationTests;

/// <summary>The rotation wall and the map against the real host, broker and database, in a real browser.</summary>
[Collection(CareIoTHostCollection.Name)]
public sealed class WallTests(CareIoTHostFixture host, ITestOutputHelper output)
{
    private const float Patience = 20_000;

    [Fact]
    public async Task WallAdvancesOnItsOwnAndJumpsToAHomeWithASmokeAlarmUntilItIsAcknowledged()
    {
        using var api = new CareIoTApi(host.Server.BaseAddress);
        var community = $"测试社区-{Guid.NewGuid():N}"[..12];
        var (household, device) = await RegisterHomeAsync(api, community, "SmokeAlarm");
        (await api.Http.PutAsJsonAsync($"api/registry/facilities/fac-{Guid.NewGuid():N}"[..30], new { name = "康乐护理院", latitude = 39.91, longitude = 116.41 }))
            .EnsureSuccessStatusCode();
        await SetRotationAsync(api, dwellSeconds: 2, sitesPerPage: 1);
        await Eventually.TrueAsync(async () => (await ViewAsync(api)).PageCount >= 2, TimeSpan.FromSeconds(20));
        try
        {
            await using var chromium = await SystemChromium.LaunchAsync();
            var page = await chromium.Browser.NewPageAsync(new() { ViewportSize = new() { Width = 1600, Height = 900 } });
            await SignInAsync(page, api, "dispatcher");
            await page.GotoAsync(new Uri(host.Server.BaseAddress, "wall.html").ToString());
            var wall = page.Locator("#wall");
            await Assertions.Expect(page.Locator("#connection")).ToHaveClassAsync("connection up", new() { Timeout = Patience });
            await Assertions.Expect(wall.Locator(".tile").First).ToBeVisibleAsync(new() { Timeout = Patience });

            var firstPage = await wall.GetAttributeAsync("data-page");
            await Assertions.Expect(wall).Not.ToHaveAttributeAsync("data-page", firstPage!, new() { Timeout = Patience });
            await Assertions.Expect(page.Locator("#watching")).ToContainTextAsync("值守", new() { Timeout = Patience });

            await using (var alarm = await host.ConnectDeviceAsync(device))
            {
                await alarm.SendAsync(device, MessageTypes.SmokeAlarm);
            }

            var front = wall.Locator(".tile").First;
            await Assertions.Expect(front).ToHaveAttributeAsync("data-key", $"community:{community}", new() { Timeout = Patience });
            await Assertions.Expect(front).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("alarming"));
            await Assertions.Expect(front).ToContainTextAsync("最高 1", new() { Timeout = Patience });
            await page.ScreenshotAsync(new() { Path = Path.Combine(SystemChromium.ScreenshotDirectory, "wall.png") });

            // It stays in front across page turns until someone takes the alarm.
            var pageWithAlarm = await wall.GetAttributeAsync("data-page");
            await Assertions.Expect(wall).Not.ToHaveAttributeAsync("data-page", pageWithAlarm!, new() { Timeout = Patience });
            await Assertions.Expect(front).ToHaveAttributeAsync("data-key", $"community:{community}");

            var fire = Assert.Single(await api.HouseholdAlertsAsync(household));
            (await api.AcknowledgeAsync(fire.AlertId)).EnsureSuccessStatusCode();
            await Assertions.Expect(wall.Locator($".tile.alarming[data-key='community:{community}']")).ToHaveCountAsync(0, new() { Timeout = Patience });

            await page.GotoAsync(new Uri(host.Server.BaseAddress, "map.html").ToString());
            await Assertions.Expect(page.Locator("#map canvas")).ToHaveCountAsync(1, new() { Timeout = Patience });
            await Assertions.Expect(page.Locator("#map")).ToHaveAttributeAsync("data-places", new System.Text.RegularExpressions.Regex("^[1-9]"), new() { Timeout = Patience });
            await page.WaitForTimeoutAsync(500);
            await page.ScreenshotAsync(new() { Path = Path.Combine(SystemChromium.ScreenshotDirectory, "map.png") });
        }
        finally
        {
            await SetRotationAsync(api, dwellSeconds: 15, sitesPerPage: 6);
        }
    }

    [Fact]
    public async Task SiteShownWhileAnOperatorWatchesHasCoverageAndOneNobodyWatchedHasNone()
    {
        using var api = new CareIoTApi(host.Server.BaseAddress);
        var facility = $"fac-{Guid.NewGuid():N}"[..16];
        (await api.Http.PutAsJsonAsync($"api/registry/facilities/{facility}", new { name = "阳光养老院", address = "东湖街道 1 号", latitude = 39.95, longitude = 116.46 }))
            .EnsureSuccessStatusCode();
        await SetRotationAsync(api, dwellSeconds: 1, sitesPerPage: 48, order: [$"facility:{facility}"]);
        try
        {
            var started = DateTimeOffset.UtcNow;
            await Eventually.TrueAsync(async () => (await ViewAsync(api)).OnScreen.Contains($"facility:{facility}"), TimeSpan.FromSeconds(20));
            Assert.True(await CoverageOfAsync(api, facility, started) is { Count: 0 }, "nobody watched yet, so nothing is coverage");

            // Watch until the server has turned the page twice (pushed to this screen), then leave.
            var turns = 0;
            var twoTurns = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            await using (var screen = await WallScreenAsync(api.Cookies))
            {
                screen.On<WallViewDto>("ViewChanged", _ =>
                {
                    if (Interlocked.Increment(ref turns) >= 2)
                    {
                        twoTurns.TrySetResult();
                    }
                });
                await twoTurns.Task.WaitAsync(TimeSpan.FromSeconds(20));
            }

            var coverage = await Eventually.ValueAsync(async () => await CoverageOfAsync(api, facility, started) is { Count: > 0 } c ? c : null, TimeSpan.FromSeconds(10), "coverage");
            output.WriteLine($"{facility}: {coverage.Count} showings, {coverage.Shown} on screen, longest gap {coverage.LongestGap}");
            Assert.InRange(coverage.Shown, TimeSpan.FromSeconds(1), DateTimeOffset.UtcNow - started);
        }
        finally
        {
            await SetRotationAsync(api, dwellSeconds: 15, sitesPerPage: 6);
        }
    }

    [Fact]
    public async Task InspectorWatchesTheWallButMayNotSteerIt()
    {
        using var admin = new CareIoTApi(host.Server.BaseAddress);
        using var inspector = await admin.AsNewUserAsync($"insp-{Guid.NewGuid():N}"[..16], "inspector");
        await using var screen = await WallScreenAsync(inspector.Cookies);

        Assert.NotNull(await screen.InvokeAsync<WallViewDto>("GetView"));
        await Assert.ThrowsAsync<HubException>(() => screen.InvokeAsync("Pause"));
        Assert.Equal(HttpStatusCode.Forbidden, (await inspector.Http.PutAsJsonAsync("api/rotation/settings", new { dwellSeconds = 5, sitesPerPage = 6, maxGapMinutes = 30 })).StatusCode);
        Assert.False((await ViewAsync(admin)).Paused);
    }

    [Fact]
    public async Task PlacesWithBadCoordinatesOrAnUnknownFacilityAreRefused()
    {
        using var api = new CareIoTApi(host.Server.BaseAddress);
        Assert.Equal(HttpStatusCode.BadRequest, (await api.Http.PutAsJsonAsync("api/registry/facilities/fac-bad", new { name = "x", latitude = 200.0, longitude = 116.4 })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await api.Http.PutAsJsonAsync("api/registry/facilities/fac-half", new { name = "x", latitude = 39.9 })).StatusCode);
        var bed = await api.Http.PutAsJsonAsync($"api/registry/beds/bed-{Guid.NewGuid():N}"[..30], new { room = "1", label = "1", facilityId = "no-such-facility" });
        Assert.Equal(HttpStatusCode.BadRequest, bed.StatusCode);
        Assert.Contains("no-such-facility", await bed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, (await api.Http.PutAsJsonAsync("api/rotation/settings", new { dwellSeconds = 0.1, sitesPerPage = 6, maxGapMinutes = 30 })).StatusCode);
    }

    private async Task<(string Household, string Device)> RegisterHomeAsync(CareIoTApi api, string community, string kind)
    {
        var suffix = Guid.NewGuid().ToString("N")[..12];
        (await api.Http.PutAsJsonAsync($"api/registry/households/hh-{suffix}", new
        {
            elderName = "周秀英", address = "东湖街道 12 号 3 单元", birthYear = 1936, community, latitude = 39.945, longitude = 116.455,
        })).EnsureSuccessStatusCode();
        (await api.Http.PutAsJsonAsync($"api/registry/devices/sa-{suffix}", new { kind, householdId = $"hh-{suffix}" })).EnsureSuccessStatusCode();
        return ($"hh-{suffix}", $"sa-{suffix}");
    }

    private static async Task SetRotationAsync(CareIoTApi api, double dwellSeconds, int sitesPerPage, string[]? order = null) =>
        (await api.Http.PutAsJsonAsync("api/rotation/settings", new { dwellSeconds, sitesPerPage, maxGapMinutes = 30, order })).EnsureSuccessStatusCode();

    private static async Task<WallViewDto> ViewAsync(CareIoTApi api) => (await api.Http.GetFromJsonAsync<WallViewDto>("api/wall/view", Json.Web))!;

    private static async Task<SiteCoverageDto?> CoverageOfAsync(CareIoTApi api, string facility, DateTimeOffset from)
    {
        var report = await api.Http.GetFromJsonAsync<CoverageReportDto>($"api/rotation/coverage?from={Uri.EscapeDataString(from.ToString("O"))}", Json.Web);
        return report!.Sites.SingleOrDefault(s => s.SiteKey == $"facility:{facility}");
    }

    private async Task<HubConnection> WallScreenAsync(System.Net.CookieContainer cookies)
    {
        var screen = new HubConnectionBuilder().WithUrl(new Uri(host.Server.BaseAddress, "hubs/wall"), o => o.Cookies = cookies).Build();
        await screen.StartAsync();
        return screen;
    }

    private async Task SignInAsync(IPage page, CareIoTApi admin, string role)
    {
        var name = $"墙-{Guid.NewGuid():N}"[..10];
        var password = $"pw-{Guid.NewGuid():N}";
        (await admin.Http.PostAsJsonAsync("api/users", new { username = name, password, role })).EnsureSuccessStatusCode();
        await BrowserSignIn.ToConsoleAsync(page, host.Server.BaseAddress, name, password);
    }
}

public sealed record WallViewDto(long Sequence, int Page, int PageCount, string[] OnScreen, string[] Alarming, string[] Pinned, bool Paused, string[] Watching);

public sealed record SiteCoverageDto(string SiteKey, int Count, TimeSpan Shown, TimeSpan LongestGap, DateTimeOffset? LastShown);

public sealed record CoverageReportDto(DateTimeOffset From, DateTimeOffset To, SiteCoverageDto[] Sites);
