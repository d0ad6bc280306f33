using System.Net;
using System.Net.Http.Json;

namespace CareIoT.IntegrationTests;

/// <summary>Failed sign-ins lock an account only when they come close together (within one lockout's length).</summary>
[Collection(IdleHostCollection.Name)]
public sealed class SignInWindowTests(IdleHostFixture host)
{
    private const int LockoutFailures = 5; // Auth:LockoutFailures, default

    [Fact]
    public async Task FailuresFurtherApartThanTheLockoutDoNotAddUpButFiveTogetherStillLock()
    {
        using var admin = new CareIoTApi(host.Server.BaseAddress);
        var name = $"win-{Guid.NewGuid():N}"[..20];
        var password = $"pw-{Guid.NewGuid():N}";
        (await admin.Http.PostAsJsonAsync("api/users", new { username = name, password, role = "dispatcher" })).EnsureSuccessStatusCode();
        using var http = new HttpClient { BaseAddress = host.Server.BaseAddress };

        for (var i = 0; i < LockoutFailures - 1; i++)
        {
            await SignInAsync(http, name, "wrong password");
        }

        await Task.Delay(IdleHostFixture.Lockout + TimeSpan.FromSeconds(1)); // a real host: its clock is the real one
        await SignInAsync(http, name, "wrong password"); // the fifth, but the first four are old
        Assert.Equal(HttpStatusCode.OK, (await SignInAsync(http, name, password)).StatusCode);
        Assert.DoesNotContain($"Account {name} locked until", await File.ReadAllTextAsync(host.LogFile), StringComparison.Ordinal);

        for (var i = 0; i < LockoutFailures; i++)
        {
            await SignInAsync(http, name, "wrong password");
        }

        // Locked now (and this address has used up its failures for the name, so the answer may be 401 or 429).
        Assert.NotEqual(HttpStatusCode.OK, (await SignInAsync(http, name, password)).StatusCode);
        Assert.True(await Eventually.TrueAsync(
            async () => (await File.ReadAllTextAsync(host.LogFile)).Contains($"Account {name} locked until", StringComparison.Ordinal),
            TimeSpan.FromSeconds(5)), "no log line says the account was locked");
    }

    private static Task<HttpResponseMessage> SignInAsync(HttpClient http, string username, string password) =>
        http.PostAsJsonAsync("api/auth/login", new { username, password });
}
