using System.Net.Http.Json;
using Microsoft.Playwright;

namespace CareIoT.IntegrationTests;

/// <summary>Names and notes written by an attacker (markup, quotes, emoji, very long Chinese) render as text, never as code.</summary>
[Collection(CareIoTHostCollection.Name)]
public sealed class HostileInputBrowserTests(CareIoTHostFixture host)
{
    private const float Patience = 15_000;
    private const string Name = "<img src=x onerror=\"window.__xss=1\">'\"😀" + "王";
    private const string Address = "<script>window.__xss=2</script>和平街道";
    private static readonly string Notes = "</td><b id=\"injected\">粗体</b>" + string.Concat(Enumerable.Repeat("高血压糖尿病长期卧床", 40));

    [Fact]
    public async Task HostileNamesAndNotesShowAsTextOnTheConsoleAndTheStatusPage()
    {
        using var api = new CareIoTApi(host.Server.BaseAddress);
        var suffix = Guid.NewGuid().ToString("N")[..10];
        var (household, device) = ($"hh-xss-{suffix}", $"cb-xss-{suffix}");
        (await api.Http.PutAsJsonAsync($"api/registry/households/{household}", new
        {
            elderName = Name, address = Address, medicalNotes = Notes,
            contacts = new[] { new { name = "<svg onload=window.__xss=3>", relation = "'\"", phone = "13800000000" } },
        })).EnsureSuccessStatusCode();
        (await api.Http.PutAsJsonAsync($"api/registry/devices/{device}", new { kind = "CallButton", householdId = household })).EnsureSuccessStatusCode();
        await using var chromium = await SystemChromium.LaunchAsync();
        var page = await chromium.Browser.NewPageAsync(new() { ViewportSize = new() { Width = 1400, Height = 900 } });
        var dialogs = 0;
        page.Dialog += (_, dialog) => { dialogs++; _ = dialog.DismissAsync(); };
        await BrowserSignIn.ToConsoleAsync(page, host.Server.BaseAddress, TestUsers.Admin, TestUsers.AdminPassword);

        await using (var button = await host.ConnectDeviceAsync(device))
        {
            await button.PressAsync(device);
        }

        var row = page.Locator("#queue tbody tr", new() { HasText = device });
        await Assertions.Expect(row).ToBeVisibleAsync(new() { Timeout = Patience });
        await row.ClickAsync();
        await Assertions.Expect(page.Locator("#who")).ToContainTextAsync(Name, new() { Timeout = Patience });
        await Assertions.Expect(page.Locator("#who")).ToContainTextAsync("<svg onload=window.__xss=3>");
        Assert.True(await page.EvaluateAsync<bool>("() => window.__xss === undefined && !document.querySelector('#who img, #who svg')"));
        await page.GotoAsync(new Uri(host.Server.BaseAddress, $"site.html?kind=household&id={household}").ToString());
        await Assertions.Expect(page.Locator("body")).ToContainTextAsync(Address, new() { Timeout = Patience });
        await Assertions.Expect(page.Locator("body")).ToContainTextAsync("</td><b id=\"injected\">粗体</b>");

        Assert.Equal(0, await page.Locator("#injected").CountAsync());
        Assert.Equal(0, await page.Locator("img[src=x]").CountAsync());
        Assert.True(await page.EvaluateAsync<bool>("() => window.__xss === undefined"));
        Assert.Equal(0, dialogs);
        await page.ScreenshotAsync(new() { Path = Path.Combine(SystemChromium.ScreenshotDirectory, "hostile-names.png") });
    }
}
