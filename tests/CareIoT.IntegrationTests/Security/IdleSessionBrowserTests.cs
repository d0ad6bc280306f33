using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace CareIoT.IntegrationTests;

/// <summary>
/// Idle sessions in a real browser, on a host whose sessions idle out after 15 s: an ordinary page
/// warns, keeps the session when asked, then signs out; the dispatch console locks instead (the
/// alert detail gone, the queue still counting, the session kept alive) and unlocks with the
/// password; the wall only keeps alive.
/// </summary>
[Collection(IdleHostCollection.Name)]
public sealed partial class IdleSessionBrowserTests(IdleHostFixture host)
{
    private static readonly float Patience = (float)(IdleHostFixture.Idle.TotalMilliseconds * 2);

    [Fact]
    public async Task ARelativesPageWarnsKeepsTheSessionWhenAskedAndThenSignsOut()
    {
        string household;
        var (name, password) = ($"rel-{Guid.NewGuid():N}"[..16], $"pw-{Guid.NewGuid():N}");
        using (var admin = new CareIoTApi(host.Server.BaseAddress))
        {
            (household, _) = await admin.RegisterHouseholdWithCallButtonAsync();
            (await admin.Http.PostAsJsonAsync("api/users", new { username = name, password, role = "relative", householdId = household })).EnsureSuccessStatusCode();
        }

        await using var chromium = await SystemChromium.LaunchAsync();
        await using var context = await chromium.Browser.NewContextAsync();
        var watch = await CspWatch.AttachAsync(context);
        var page = await context.NewPageAsync();
        await BrowserSignIn.SubmitAsync(page, host.Server.BaseAddress, name, password);
        await Assertions.Expect(page.Locator("#who")).ToContainTextAsync("李桂兰", new() { Timeout = Patience });

        var warning = page.Locator("#session-warning");
        await Assertions.Expect(warning).ToContainTextAsync("秒后将自动退出登录", new() { Timeout = Patience });
        await warning.GetByRole(AriaRole.Button, new() { Name = "保持登录" }).ClickAsync();
        await Assertions.Expect(warning).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("#who")).ToContainTextAsync("李桂兰");

        await Assertions.Expect(warning).ToBeVisibleAsync(new() { Timeout = Patience });
        await Assertions.Expect(page).ToHaveURLAsync(LoginPage(), new() { Timeout = Patience });
        Assert.Equal(401, await page.EvaluateAsync<int>("fetch('/api/auth/me').then(r => r.status)"));
        Assert.Empty(await watch.ViolationsAsync(page));
    }

    [Fact]
    public async Task AnIdleConsoleLocksWithoutTheAlertDetailKeepsCountingStaysSignedInAndUnlocksWithThePassword()
    {
        var (name, password) = ($"disp-{Guid.NewGuid():N}"[..16], $"pw-{Guid.NewGuid():N}");
        string first;
        string second;
        using (var admin = new CareIoTApi(host.Server.BaseAddress))
        {
            (_, first) = await admin.RegisterHouseholdWithCallButtonAsync();
            (_, second) = await admin.RegisterHouseholdWithCallButtonAsync();
            (await admin.Http.PostAsJsonAsync("api/users", new { username = name, password, role = "dispatcher" })).EnsureSuccessStatusCode();
        }

        await using var chromium = await SystemChromium.LaunchAsync();
        await using var context = await chromium.Browser.NewContextAsync(new() { ViewportSize = new() { Width = 1400, Height = 800 } });
        var watch = await CspWatch.AttachAsync(context);
        var page = await context.NewPageAsync();
        await BrowserSignIn.ToConsoleAsync(page, host.Server.BaseAddress, name, password);
        await Assertions.Expect(page.Locator("#connection")).ToHaveClassAsync("connection up", new() { Timeout = Patience });
        var wall = await context.NewPageAsync();
        await wall.GotoAsync(new Uri(host.Server.BaseAddress, "wall.html").ToString());
        await Assertions.Expect(wall.Locator("#connection")).ToHaveClassAsync("connection up", new() { Timeout = Patience });
        await page.BringToFrontAsync();
        await using (var button = await host.ConnectDeviceAsync(first))
        {
            await button.PressAsync(first);
        }

        await page.Locator("#queue tbody tr", new() { HasText = first }).ClickAsync(new() { Timeout = Patience });
        await Assertions.Expect(page.Locator("#who")).ToContainTextAsync("李桂兰", new() { Timeout = Patience });

        var lockScreen = page.Locator("#session-lock");
        await Assertions.Expect(page.Locator("#session-warning")).ToContainTextAsync("秒后将锁定屏幕", new() { Timeout = Patience });
        await Assertions.Expect(lockScreen).ToBeVisibleAsync(new() { Timeout = Patience });
        await Assertions.Expect(page.Locator("#who")).ToBeEmptyAsync();
        await Assertions.Expect(page.Locator("main")).ToBeHiddenAsync();
        await page.ScreenshotAsync(new() { Path = Path.Combine(SystemChromium.ScreenshotDirectory, "console-locked.png") });

        var counts = await page.Locator("#counts").InnerTextAsync();
        await using (var button = await host.ConnectDeviceAsync(second))
        {
            await button.PressAsync(second);
        }

        await Assertions.Expect(page.Locator("#counts")).Not.ToHaveTextAsync(counts, new() { Timeout = Patience });
        await Assertions.Expect(page.Locator("#queue tbody tr", new() { HasText = second })).ToHaveCountAsync(1);

        // Longer than a session may idle: the locked console keeps it alive.
        await page.WaitForTimeoutAsync((float)IdleHostFixture.Idle.TotalMilliseconds + 3_000);
        Assert.Equal(200, await page.EvaluateAsync<int>("fetch('/api/auth/me').then(r => r.status)"));
        await Assertions.Expect(lockScreen).ToBeVisibleAsync();

        await page.FillAsync("#unlock-password", "wrong password");
        await page.PressAsync("#unlock-password", "Enter");
        await Assertions.Expect(page.Locator("#unlock-error")).ToHaveTextAsync("密码错误");
        await page.FillAsync("#unlock-password", password);
        await page.PressAsync("#unlock-password", "Enter");
        await Assertions.Expect(lockScreen).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("#queue tbody tr", new() { HasText = second })).ToBeVisibleAsync();

        // The wall beside it never warned or locked, and is still live.
        await Assertions.Expect(wall.Locator("#session-lock")).ToHaveCountAsync(0);
        await Assertions.Expect(wall.Locator("#session-warning")).ToHaveCountAsync(0);
        await Assertions.Expect(wall.Locator("#connection")).ToHaveClassAsync("connection up");
        Assert.Empty(await watch.ViolationsAsync(page));
        Assert.Empty(await watch.ViolationsAsync(wall));
    }

    [GeneratedRegex("login\\.html$")]
    private static partial Regex LoginPage();
}
