using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using Npgsql;

namespace CareIoT.IntegrationTests;

/// <summary>
/// The lockout stops password guessing but is no weapon: strangers typing wrong passwords in an
/// operator's name lock out only strangers, the operator's own browser still signs in; and when no
/// admin can sign in, root on the server can unlock (break glass, audited).
/// </summary>
[Collection(CareIoTHostCollection.Name)]
public sealed class LockoutWeaponTests(CareIoTHostFixture host)
{
    private const int LockoutFailures = 5;

    [Fact]
    public async Task StrangersLockTheAccountForThemselvesButTheUsersOwnBrowserStillSignsIn()
    {
        var (name, password) = await NewUserAsync();
        using var own = Browser();
        Assert.Equal(HttpStatusCode.OK, (await SignInAsync(own, name, password)).StatusCode);
        using var stranger = Browser();
        // A stranger with a known-device cookie of their own account gains nothing from it.
        var (strangerName, strangerPassword) = await NewUserAsync();
        Assert.Equal(HttpStatusCode.OK, (await SignInAsync(stranger, strangerName, strangerPassword)).StatusCode);

        for (var i = 0; i < LockoutFailures; i++)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await SignInAsync(stranger, name, "wrong password")).StatusCode);
        }

        Assert.Equal(HttpStatusCode.Unauthorized, (await SignInAsync(stranger, name, password)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await SignInAsync(own, name, "wrong password")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await SignInAsync(own, name, password)).StatusCode);
    }

    [Fact]
    public async Task RootOnTheServerUnlocksALockedAdminAndTheAuditSaysBreakGlass()
    {
        var (name, password) = await NewUserAsync("admin");
        using var stranger = Browser();
        for (var i = 0; i < LockoutFailures; i++)
        {
            await SignInAsync(stranger, name, "wrong password");
        }

        using var elsewhere = Browser();
        Assert.Equal(HttpStatusCode.Unauthorized, (await SignInAsync(elsewhere, name, password)).StatusCode);

        var database = new NpgsqlConnectionStringBuilder(host.JournalConnectionString).Database!;
        var script = Process.Start(new ProcessStartInfo("bash", $"{Path.Combine(TestPaths.RepositoryRoot, "deploy", "careiot-admin.sh")} unlock {name} --database {database}")
        {
            Environment = { ["CAREIOT_STATE"] = TestPaths.StateDirectory },
            RedirectStandardError = true,
        })!;
        await script.WaitForExitAsync();
        Assert.True(script.ExitCode == 0, await script.StandardError.ReadToEndAsync());

        using var afterwards = Browser();
        Assert.Equal(HttpStatusCode.OK, (await SignInAsync(afterwards, name, password)).StatusCode);
        using var admin = new CareIoTApi(host.Server.BaseAddress);
        var audit = await admin.Http.GetStringAsync($"api/admin/audit?action=user.unlock&target={Uri.EscapeDataString(name)}");
        Assert.Contains("break-glass", audit, StringComparison.Ordinal);
    }

    private HttpClient Browser() => new(new HttpClientHandler { CookieContainer = new CookieContainer() }) { BaseAddress = host.Server.BaseAddress };

    private static Task<HttpResponseMessage> SignInAsync(HttpClient http, string username, string password) =>
        http.PostAsJsonAsync("api/auth/login", new { username, password });

    private async Task<(string Name, string Password)> NewUserAsync(string role = "dispatcher")
    {
        using var admin = new CareIoTApi(host.Server.BaseAddress);
        return await admin.CreateUserAsync(role, "lw-");
    }
}
