using Microsoft.Playwright;

namespace CareIoT.IntegrationTests;

/// <summary>Signs a browser page in through the real login form.</summary>
internal static class BrowserSignIn
{
    public static async Task SubmitAsync(IPage page, Uri server, string username, string password)
    {
        await page.GotoAsync(new Uri(server, "login.html").ToString());
        await page.FillAsync("#username", username);
        await page.FillAsync("#password", password);
        await page.ClickAsync("button[type=submit]");
    }

    /// <summary>Signs in and waits until the console shows the operator's name.</summary>
    public static async Task ToConsoleAsync(IPage page, Uri server, string username, string password)
    {
        await SubmitAsync(page, server, username, password);
        await Assertions.Expect(page.Locator("#operator")).ToHaveTextAsync(username, new() { Timeout = 15_000 });
    }
}
