using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.SignalR.Client;

namespace CareIoT.IntegrationTests;

/// <summary>
/// Sessions end on the server, not only in the browser: after logout a copied cookie reads nothing and
/// cannot be kept alive; disabling an account, or changing its password or role, ends every session
/// the user holds, open hub connections included.
/// </summary>
[Collection(CareIoTHostCollection.Name)]
public sealed class SessionRevocationTests(CareIoTHostFixture host)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task ACopyOfTheCookieReadsNothingAfterLogoutAndKeepaliveCannotRevive()
    {
        var (name, password) = await NewUserAsync("dispatcher");
        var (session, cookies) = await TestUsers.SignInAsync(host.Server.BaseAddress, name, password);
        var (otherScreen, _) = await TestUsers.SignInAsync(host.Server.BaseAddress, name, password);
        using var stolen = WithCookieOf(cookies);
        Assert.Equal(HttpStatusCode.OK, (await stolen.GetAsync("api/alerts/open")).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await session.PostAsync("api/auth/logout", null)).StatusCode);

        Assert.Equal(HttpStatusCode.Unauthorized, (await stolen.GetAsync("api/alerts/open")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await stolen.PostAsync("api/auth/keepalive", null)).StatusCode);
        // The user's other screen goes on: logout ends this session only.
        Assert.Equal(HttpStatusCode.OK, (await otherScreen.GetAsync("api/alerts/open")).StatusCode);
    }

    [Fact]
    public async Task LogoutEverywhereEndsEverySessionOfTheUser()
    {
        var (name, password) = await NewUserAsync("dispatcher");
        var (first, _) = await TestUsers.SignInAsync(host.Server.BaseAddress, name, password);
        var (second, _) = await TestUsers.SignInAsync(host.Server.BaseAddress, name, password);

        Assert.Equal(HttpStatusCode.NoContent, (await first.PostAsync("api/auth/logout?everywhere=true", null)).StatusCode);

        Assert.Equal(HttpStatusCode.Unauthorized, (await second.GetAsync("api/alerts/open")).StatusCode);
    }

    [Theory]
    [InlineData("disable")]
    [InlineData("password")]
    [InlineData("role")]
    public async Task AnAdminsChangeToTheAccountEndsItsSessionsAndItsOpenHubConnection(string change)
    {
        using var admin = new CareIoTApi(host.Server.BaseAddress);
        var (name, password) = await NewUserAsync("supervisor");
        var (session, cookies) = await TestUsers.SignInAsync(host.Server.BaseAddress, name, password);
        await using var hub = new HubConnectionBuilder().WithUrl(new Uri(host.Server.BaseAddress, "hubs/dispatch"), o => o.Cookies = cookies).Build();
        var closed = new TaskCompletionSource();
        hub.Closed += _ => { closed.TrySetResult(); return Task.CompletedTask; };
        await hub.StartAsync();

        var answer = change switch
        {
            "disable" => await admin.Http.PostAsync($"api/users/{name}/disable", null),
            "password" => await admin.Http.PutAsJsonAsync($"api/users/{name}/password", new { password = $"new-{password}" }),
            _ => await admin.Http.PutAsJsonAsync($"api/users/{name}/role", new { role = "inspector" }),
        };

        Assert.Equal(HttpStatusCode.NoContent, answer.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await session.GetAsync("api/alerts/open")).StatusCode);
        await closed.Task.WaitAsync(Patience);
        var again = await Record.ExceptionAsync(() => TestUsers.SignInAsync(host.Server.BaseAddress, name, password));
        if (change == "role")
        {
            // Same password, new role: the new session has it.
            Assert.Null(again);
            using var inspector = new CareIoTApi(host.Server.BaseAddress, name, password);
            Assert.Contains("inspector", await inspector.Http.GetStringAsync("api/auth/me"), StringComparison.Ordinal);
        }
        else
        {
            Assert.NotNull(again);
        }
    }

    [Fact]
    public async Task ADisabledAccountIsRefusedAsAWrongPasswordIsAndCanBeEnabledAgain()
    {
        using var admin = new CareIoTApi(host.Server.BaseAddress);
        var (name, password) = await NewUserAsync("dispatcher");
        (await admin.Http.PostAsync($"api/users/{name}/disable", null)).EnsureSuccessStatusCode();

        using var anonymous = new HttpClient { BaseAddress = host.Server.BaseAddress };
        var refused = await anonymous.PostAsJsonAsync("api/auth/login", new { username = name, password });
        var wrong = await anonymous.PostAsJsonAsync("api/auth/login", new { username = name, password = "not-the-password" });
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Equal(await wrong.Content.ReadAsStringAsync(), await refused.Content.ReadAsStringAsync());

        (await admin.Http.PostAsync($"api/users/{name}/enable", null)).EnsureSuccessStatusCode();
        Assert.Equal(HttpStatusCode.OK, (await anonymous.PostAsJsonAsync("api/auth/login", new { username = name, password })).StatusCode);
        Assert.Contains(name, await admin.Http.GetStringAsync("api/admin/audit?action=user.disable"), StringComparison.Ordinal);
    }

    private async Task<(string Name, string Password)> NewUserAsync(string role = "dispatcher")
    {
        using var admin = new CareIoTApi(host.Server.BaseAddress);
        return await admin.CreateUserAsync(role, "u-");
    }

    private HttpClient WithCookieOf(CookieContainer cookies)
    {
        var copy = new HttpClient(new HttpClientHandler { UseCookies = false }) { BaseAddress = host.Server.BaseAddress };
        copy.DefaultRequestHeaders.Add("Cookie", cookies.GetCookieHeader(host.Server.BaseAddress));
        return copy;
    }
}
