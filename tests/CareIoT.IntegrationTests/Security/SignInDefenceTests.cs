using System.Net;
using System.Net.Http.Json;

namespace CareIoT.IntegrationTests;

/// <summary>
/// Sign-in against the real host and database: consecutive failures lock an account (even the right
/// password is refused, as a wrong one is) until the lock runs out or an admin lifts it; failures
/// from one address for one name are throttled with 429; unlocking a locked screen counts too.
/// </summary>
[Collection(CareIoTHostCollection.Name)]
public sealed class SignInDefenceTests(CareIoTHostFixture host)
{
    private const int LockoutFailures = 5; // Auth:LockoutFailures, default

    [Fact]
    public async Task FiveWrongPasswordsLockTheAccountUntilAnAdminUnlocksIt()
    {
        using var admin = new CareIoTApi(host.Server.BaseAddress);
        var (name, password) = await NewDispatcherAsync(admin);
        using var http = Anonymous();

        for (var i = 0; i < LockoutFailures; i++)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await SignInAsync(http, name, "wrong password")).StatusCode);
        }

        var locked = await SignInAsync(http, name, password);
        var wrong = await SignInAsync(http, $"nobody-{Guid.NewGuid():N}", "wrong password");
        Assert.Equal(HttpStatusCode.Unauthorized, locked.StatusCode);
        Assert.Equal(await wrong.Content.ReadFromJsonAsync<ProblemDto>(), await locked.Content.ReadFromJsonAsync<ProblemDto>());
        Assert.True(await Eventually.TrueAsync(
            () => Task.FromResult(File.ReadAllText(host.LogFile).Contains($"Account {name} locked until", StringComparison.Ordinal)),
            TimeSpan.FromSeconds(5)), "no log line says the account was locked");

        Assert.Equal(HttpStatusCode.NoContent, (await admin.Http.PostAsync($"api/users/{Uri.EscapeDataString(name)}/unlock", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await SignInAsync(http, name, password)).StatusCode);
        var audit = await admin.Http.GetFromJsonAsync<AuditDto[]>($"api/admin/audit?action=user.unlock&target={Uri.EscapeDataString(name)}");
        Assert.Equal("admin", Assert.Single(audit!).Actor);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.Http.PostAsync($"api/users/nobody-{Guid.NewGuid():N}/unlock", null)).StatusCode);
    }

    [Fact]
    public async Task ASuccessfulSignInStartsTheCountOfFailuresAgain()
    {
        using var admin = new CareIoTApi(host.Server.BaseAddress);
        var (name, password) = await NewDispatcherAsync(admin);
        using var http = Anonymous();

        foreach (var attempt in Enumerable.Repeat("wrong password", LockoutFailures - 1).Append(password).Concat(Enumerable.Repeat("wrong password", LockoutFailures - 1)))
        {
            await SignInAsync(http, name, attempt);
        }

        Assert.Equal(HttpStatusCode.OK, (await SignInAsync(http, name, password)).StatusCode);
    }

    [Fact]
    public async Task RepeatedFailuresForOneNameFromOneAddressGet429WithRetryAfterWhileOtherNamesSignIn()
    {
        using var admin = new CareIoTApi(host.Server.BaseAddress);
        var (name, password) = await NewDispatcherAsync(admin);
        using var http = Anonymous();

        for (var i = 0; i < 10; i++)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await SignInAsync(http, name, "wrong password")).StatusCode);
        }

        var throttled = await SignInAsync(http, name.ToUpperInvariant(), password);
        Assert.Equal(HttpStatusCode.TooManyRequests, throttled.StatusCode);
        Assert.True(throttled.Headers.RetryAfter?.Delta > TimeSpan.Zero, "429 without Retry-After");
        Assert.Equal(HttpStatusCode.OK, (await SignInAsync(http, "admin", TestUsers.AdminPassword)).StatusCode);
    }

    [Fact]
    public async Task UnlockingALockedScreenTakesThePasswordAndWrongOnesLockTheAccountButNotTheSession()
    {
        using var admin = new CareIoTApi(host.Server.BaseAddress);
        var (name, password) = await NewDispatcherAsync(admin);
        using var user = new CareIoTApi(host.Server.BaseAddress, name, password);

        Assert.Equal(HttpStatusCode.NoContent, (await user.Http.PostAsJsonAsync("api/auth/unlock", new { password })).StatusCode);
        for (var i = 0; i < LockoutFailures; i++)
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await user.Http.PostAsJsonAsync("api/auth/unlock", new { password = "wrong password" })).StatusCode);
        }

        using var http = Anonymous();
        Assert.Equal(HttpStatusCode.Unauthorized, (await SignInAsync(http, name, password)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await user.Http.PostAsJsonAsync("api/auth/unlock", new { password })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await user.Http.GetAsync("api/auth/me")).StatusCode);
    }

    private HttpClient Anonymous() => new() { BaseAddress = host.Server.BaseAddress, Timeout = TimeSpan.FromSeconds(10) };

    private static Task<HttpResponseMessage> SignInAsync(HttpClient http, string username, string password) =>
        http.PostAsJsonAsync("api/auth/login", new { username, password });

    private static Task<(string Name, string Password)> NewDispatcherAsync(CareIoTApi admin) => admin.CreateUserAsync("dispatcher", "lock-");

    private sealed record ProblemDto(int Status, string? Title, string? Detail);

    private sealed record AuditDto(string Actor, string Action, string Target);
}
