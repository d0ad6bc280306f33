using System.Net.Http.Json;
using Microsoft.Playwright;

namespace CareIoT.IntegrationTests;

/// <summary>
/// Every page carries the one shared header (app.js): links only to the pages the signed-in role may
/// open, who is signed in, the language switch and sign-out; and a page asks who is signed in once.
/// </summary>
[Collection(CareIoTHostCollection.Name)]
public sealed class SharedHeaderBrowserTests(CareIoTHostFixture host)
{
    private const float Patience = 15_000;

    [Theory]
    [InlineData("dispatcher", "shift.html", new[] { "/", "/wall.html", "/map.html", "/report.html" }, new[] { "/install.html", "/import.html" })]
    [InlineData("inspector", "report.html", new[] { "/", "/wall.html", "/map.html" }, new[] { "/shift.html", "/install.html", "/import.html" })]
    [InlineData("installer", "install.html", new[] { "/import.html" }, new[] { "/", "/shift.html", "/wall.html", "/map.html", "/report.html" })]
    public async Task EachRoleSeesLinksToItsOwnPagesOnlyAndThePageAsksWhoIsSignedInOnce(string role, string pageName, string[] linked, string[] notLinked)
    {
        using var api = new CareIoTApi(host.Server.BaseAddress);
        var (name, password) = await api.CreateUserAsync(role, "hdr-");
        await using var chromium = await SystemChromium.LaunchAsync();
        var page = await chromium.Browser.NewPageAsync();
        await BrowserSignIn.SubmitAsync(page, host.Server.BaseAddress, name, password);
        await page.WaitForURLAsync(url => !url.Contains("login.html", StringComparison.Ordinal), new() { Timeout = Patience });
        // The page signing in landed on has asked already: only the next page's requests are counted.
        await Assertions.Expect(page.Locator("#app-nav #operator")).ToHaveTextAsync(name, new() { Timeout = Patience });

        var whoAmI = 0;
        page.Request += (_, request) => { if (request.Url.EndsWith("/api/auth/me", StringComparison.Ordinal)) Interlocked.Increment(ref whoAmI); };
        await page.GotoAsync(new Uri(host.Server.BaseAddress, pageName).ToString());
        await Assertions.Expect(page.Locator("#app-nav #operator")).ToHaveTextAsync(name, new() { Timeout = Patience });

        foreach (var href in linked)
        {
            await Assertions.Expect(page.Locator($"#app-nav a[href='{href}']")).ToHaveCountAsync(1);
        }

        foreach (var href in notLinked)
        {
            await Assertions.Expect(page.Locator($"#app-nav a[href='{href}']")).ToHaveCountAsync(0);
        }

        await Assertions.Expect(page.Locator($"#app-nav a[href='/{pageName}']")).ToHaveCountAsync(0); // not to itself
        await page.WaitForTimeoutAsync(500); // the idle watcher (session.js) has started by now and asked nothing of its own
        Assert.Equal(1, whoAmI);

        // The language switch re-draws the header (and the page) in the other language.
        await Assertions.Expect(page.Locator("#sign-out")).ToHaveTextAsync("退出");
        await page.ClickAsync("#language");
        await Assertions.Expect(page.Locator("#sign-out")).ToHaveTextAsync("Sign out", new() { Timeout = Patience });
        await page.ClickAsync("#language");
        await Assertions.Expect(page.Locator("#sign-out")).ToHaveTextAsync("退出", new() { Timeout = Patience });

        await page.ClickAsync("#sign-out");
        await page.WaitForURLAsync(url => url.Contains("login.html", StringComparison.Ordinal), new() { Timeout = Patience });
    }

    [Fact]
    public async Task ARelativesPhonePageHasNoLinkToAnyOtherPage()
    {
        using var api = new CareIoTApi(host.Server.BaseAddress);
        var (household, _) = await api.RegisterHouseholdWithCallButtonAsync();
        var name = $"rel-{Guid.NewGuid():N}"[..16];
        var password = $"pw-{Guid.NewGuid():N}";
        (await api.Http.PostAsJsonAsync("api/users", new { username = name, password, role = "relative", householdId = household })).EnsureSuccessStatusCode();
        await using var chromium = await SystemChromium.LaunchAsync();
        var page = await chromium.Browser.NewPageAsync(new() { ViewportSize = new() { Width = 390, Height = 844 } });
        await BrowserSignIn.SubmitAsync(page, host.Server.BaseAddress, name, password);

        await Assertions.Expect(page.Locator("#app-nav #operator")).ToHaveTextAsync(name, new() { Timeout = Patience });
        await Assertions.Expect(page.Locator("#app-nav a")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("#sign-out")).ToBeVisibleAsync();
    }
}
