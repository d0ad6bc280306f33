using System.Net.Http.Json;
using CareIoT.Dc09;
using Microsoft.Playwright;

namespace CareIoT.IntegrationTests;

/// <summary>An installer binds a home-alarm panel's DC-09 account from a phone-sized browser, then the panel's link test shows it heard.</summary>
[Collection(CareIoTHostCollection.Name)]
public sealed class PanelBindingBrowserTests(CareIoTHostFixture host)
{
    private const float Patience = 20_000;
    private const string TextKey = "CareIoT-panel-16";

    [Fact]
    public async Task InstallerOnAPhoneSeesAWrongKeyLengthRefusedBindsThePanelWithATextKeyAndSeesItHeardAfterItsLinkTest()
    {
        using var admin = new CareIoTApi(host.Server.BaseAddress);
        var (household, _) = await admin.RegisterHouseholdWithCallButtonAsync();
        var name = $"安装员-{Guid.NewGuid():N}"[..10];
        var password = $"pw-{Guid.NewGuid():N}";
        (await admin.Http.PostAsJsonAsync("api/users", new { username = name, password, role = "installer" })).EnsureSuccessStatusCode();

        await using var chromium = await SystemChromium.LaunchAsync();
        var page = await chromium.Browser.NewPageAsync(new()
        {
            ViewportSize = new() { Width = 390, Height = 844 }, IsMobile = true, HasTouch = true, Locale = "zh-CN",
        });
        await page.AddInitScriptAsync("localStorage.setItem('careiot.language', 'zh-CN')");
        await BrowserSignIn.SubmitAsync(page, host.Server.BaseAddress, name, password);
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("install\\.html$"), new() { Timeout = Patience });
        await page.FillAsync("#search", household);
        await page.ClickAsync("#find button[type=submit]");
        await page.ClickAsync("#found button");
        await Assertions.Expect(page.Locator("#home-title")).ToContainTextAsync("李桂兰", new() { Timeout = Patience });
        await Assertions.Expect(page.Locator("#panel-vendor option[value='example-social-alarm']")).ToHaveCountAsync(1, new() { Timeout = Patience });

        var account = PanelApi.NewAccount();
        var bound = page.Locator("#panel-bound");
        await BindAsync(page, account.ToLowerInvariant(), "fifteen-chars!!");
        await Assertions.Expect(page.Locator("#panel-error")).ToContainTextAsync("绑定失败: 文本密钥应为 16、24 或 32 个字符", new() { Timeout = Patience });
        await Assertions.Expect(bound).ToBeHiddenAsync();

        await BindAsync(page, account.ToLowerInvariant(), TextKey);
        await Assertions.Expect(bound).ToContainTextAsync($"已绑定: {account} → panel-{account}", new() { Timeout = Patience });
        await Assertions.Expect(bound).ToContainTextAsync("加密: 是");
        await Assertions.Expect(page.Locator("#panel-error")).ToBeHiddenAsync();
        var listed = page.Locator($"#test-devices li[data-device='panel-{account}']");
        await Assertions.Expect(listed).ToContainTextAsync("报警主机（DC-09）", new() { Timeout = Patience });
        await Assertions.Expect(listed).ToContainTextAsync("尚未收到信号");

        var dialler = new PanelDialler(host.PanelPort);
        var key = Dc09AccountKey.FromText(TextKey);
        var answer = await dialler.SendTcpAsync(dialler.Encode(new Dc09Frame(Dc09Token.Null, true, 1, null, null, account, "", [], DateTimeOffset.UtcNow), key), key);

        Assert.Equal(Dc09Token.Ack, answer?.Token);
        await Assertions.Expect(listed).ToContainTextAsync("在线 · 最近上报", new() { Timeout = Patience });
        await Assertions.Expect(listed).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("\\bonline\\b"));
        await page.ScreenshotAsync(new() { Path = Path.Combine(SystemChromium.ScreenshotDirectory, "install-panel.png"), FullPage = true });
    }

    private static async Task BindAsync(IPage page, string account, string textKey)
    {
        await page.FillAsync("#panel-account", account);
        await Assertions.Expect(page.Locator("#panel-account")).ToHaveValueAsync(account.ToUpperInvariant());
        await page.FillAsync("#panel-serial", $"PNL-{Guid.NewGuid():N}"[..20]);
        await page.SelectOptionAsync("#panel-key-format", "text");
        await page.FillAsync("#panel-key", textKey);
        await page.SelectOptionAsync("#panel-vendor", "example-social-alarm");
        await page.FillAsync("#panel-supervision", "30");
        await page.ClickAsync("#panel button[type=submit]");
    }
}
