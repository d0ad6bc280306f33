using System.Net.Http.Json;
using CareIoT.DeviceProtocol;
using Microsoft.Playwright;

namespace CareIoT.IntegrationTests;

/// <summary>An installer commissions a home from a phone-sized browser: fit a smoke alarm, walk-test both devices, record it.</summary>
[Collection(CareIoTHostCollection.Name)]
public sealed class WalkTestBrowserTests(CareIoTHostFixture host)
{
    private const float Patience = 20_000;

    [Fact]
    public async Task InstallerFitsADeviceWalkTestsTheHomeOnAPhoneAndGetsARecord()
    {
        using var admin = new CareIoTApi(host.Server.BaseAddress);
        var (household, button) = await admin.RegisterHouseholdWithCallButtonAsync();
        var name = $"安装员-{Guid.NewGuid():N}"[..10];
        var password = $"pw-{Guid.NewGuid():N}";
        (await admin.Http.PostAsJsonAsync("api/users", new { username = name, password, role = "installer" })).EnsureSuccessStatusCode();

        await using var chromium = await SystemChromium.LaunchAsync();
        var page = await chromium.Browser.NewPageAsync(new() { ViewportSize = new() { Width = 390, Height = 844 }, IsMobile = true, HasTouch = true });
        await BrowserSignIn.SubmitAsync(page, host.Server.BaseAddress, name, password);
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("install\\.html$"), new() { Timeout = Patience });

        await page.FillAsync("#search", household);
        await page.ClickAsync("#find button[type=submit]");
        await page.ClickAsync("#found button");
        await Assertions.Expect(page.Locator("#home-title")).ToContainTextAsync("李桂兰", new() { Timeout = Patience });

        var serial = $"SA-{Guid.NewGuid():N}"[..20];
        await page.SelectOptionAsync("#fit-kind", "SmokeAlarm");
        await page.FillAsync("#fit-serial", serial);
        await page.ClickAsync("#fit button[type=submit]");
        var credentials = page.Locator("#credentials");
        await Assertions.Expect(credentials).ToContainTextAsync(serial, new() { Timeout = Patience });
        var secret = System.Text.RegularExpressions.Regex.Match(await credentials.InnerTextAsync(), "密码: (\\S+)").Groups[1].Value;
        Assert.True(secret.Length >= 20, "the page did not show the password");

        await page.ClickAsync("#start-test");
        await Assertions.Expect(page.Locator("#test-state")).ToContainTextAsync("测试模式中", new() { Timeout = Patience });
        await using (var pressButton = await host.ConnectDeviceAsync(button))
        {
            await pressButton.SendAsync(button, MessageTypes.Press, fill: p => p with { Rssi = -71, Battery = 93 });
        }

        await using (var smoke = await ConnectWithAsync(serial, secret))
        {
            await smoke.SendAsync(serial, MessageTypes.SmokeTest);
        }

        await Assertions.Expect(page.Locator($"#test-devices li.passed[data-device='{button}']")).ToContainTextAsync("按下呼叫", new() { Timeout = Patience });
        await Assertions.Expect(page.Locator($"#test-devices li.passed[data-device='{serial}']")).ToContainTextAsync("烟感自检", new() { Timeout = Patience });
        await page.ScreenshotAsync(new() { Path = Path.Combine(SystemChromium.ScreenshotDirectory, "walk-test.png"), FullPage = true });

        await page.ClickAsync("#finish-test");
        await Assertions.Expect(page.Locator("#records li").First).ToContainTextAsync(name, new() { Timeout = Patience });
        await Assertions.Expect(page.Locator("#records li").First).ToContainTextAsync("已完成");
        await Assertions.Expect(page.Locator("#test-state")).ToContainTextAsync("未在测试模式");
        Assert.Empty(await admin.HouseholdAlertsAsync(household));
    }

    private async Task<DeviceSimulatorClient> ConnectWithAsync(string username, string password)
    {
        DeviceSimulatorClient? device = null;
        Assert.True(await Eventually.TrueAsync(async () =>
        {
            if (device is not null)
            {
                await device.DisposeAsync();
            }

            device = new DeviceSimulatorClient(host.Services.MqttHost, host.Services.MqttPort, username, password);
            return (await device.ConnectAsync()).ResultCode == MQTTnet.MqttClientConnectResultCode.Success;
        }, TimeSpan.FromSeconds(20)), "the broker did not accept the credentials shown on the page");
        return device!;
    }
}
