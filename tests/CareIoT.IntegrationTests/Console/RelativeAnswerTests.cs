using System.Net;
using System.Net.Http.Json;
using Microsoft.Playwright;

namespace CareIoT.IntegrationTests;

/// <summary>
/// Relatives in the loop: the elder's alarm is pushed live to their phone, with two answers; an answer is journaled with the
/// relative as actor and reaches the operator's console at once. Nobody else may answer for the family.
/// </summary>
[Collection(CareIoTHostCollection.Name)]
public sealed class RelativeAnswerTests(CareIoTHostFixture host)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task ARelativesAnswerFromThePhoneIsJournaledAndReachesTheOperatorAtOnce()
    {
        using var api = new CareIoTApi(host.Server.BaseAddress);
        var (household, device) = await api.RegisterHouseholdWithCallButtonAsync();
        var (otherHousehold, _) = await api.RegisterHouseholdWithCallButtonAsync();
        var son = $"son-{Guid.NewGuid():N}"[..12];
        var password = $"pw-{Guid.NewGuid():N}";
        (await api.Http.PostAsJsonAsync("api/users", new { username = son, password, role = "relative", householdId = household })).EnsureSuccessStatusCode();
        using var stranger = await api.AsNewUserAsync($"rel-{Guid.NewGuid():N}"[..12], "relative", otherHousehold);
        using var dispatcher = await api.AsNewUserAsync($"disp-{Guid.NewGuid():N}"[..12], "dispatcher");
        await using var console = new ConsoleClient(host.Server.BaseAddress);
        await console.ConnectAsync();
        await using var chromium = await SystemChromium.LaunchAsync();
        var phone = await chromium.Browser.NewPageAsync(new() { ViewportSize = new() { Width = 390, Height = 844 }, IsMobile = true });
        await BrowserSignIn.SubmitAsync(phone, host.Server.BaseAddress, son, password);
        await Assertions.Expect(phone.Locator("body")).ToHaveAttributeAsync("data-live", "1", new() { Timeout = (float)Patience.TotalMilliseconds });

        await using var button = await host.ConnectDeviceAsync(device);
        await button.PressAsync(device);
        var (alert, _) = await console.WaitForAsync(a => a.DeviceId == device, Patience);
        // Pushed to the relative's phone: within seconds, long before the page's own re-read (10 s, then 60 s).
        var onMyWay = phone.Locator("#answers button[data-answer=OnMyWay]");
        await Assertions.Expect(onMyWay).ToBeVisibleAsync(new() { Timeout = 5_000 });
        var answeredAt = DateTimeOffset.UtcNow;
        await onMyWay.ClickAsync();
        await Assertions.Expect(phone.Locator("#answer-result")).ToContainTextAsync("已发送", new() { Timeout = (float)Patience.TotalMilliseconds });
        await phone.ScreenshotAsync(new() { Path = Path.Combine(SystemChromium.ScreenshotDirectory, "relative-answer.png") });
        var (_, pushedAt) = await console.WaitForAsync(a => a.AlertId == alert.AlertId, Patience);
        var forStranger = await stranger.Http.PostAsJsonAsync($"api/sites/households/{household}/alerts/{alert.AlertId}/answer", new { answer = "CalledAllWell" });
        var forStaff = await dispatcher.Http.PostAsJsonAsync($"api/sites/households/{household}/alerts/{alert.AlertId}/answer", new { answer = "CalledAllWell" });

        var answer = Assert.Single((await api.AlertHistoryAsync(alert.AlertId))!.Events, e => e.Kind == "RelativeAnswer");
        Assert.Equal(son, answer.Actor);
        Assert.Contains("OnMyWay", answer.Detail);
        Assert.True(pushedAt >= answeredAt);
        Assert.Equal(HttpStatusCode.Forbidden, forStranger.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, forStaff.StatusCode);
    }
}
