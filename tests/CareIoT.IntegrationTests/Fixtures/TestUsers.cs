using System.Net;
using System.Net.Http.Json;

namespace CareIoT.IntegrationTests;

/// <summary>The initial admin the test hosts are started with, and signing in as anyone.</summary>
public static class TestUsers
{
    public const string Admin = "admin";

    /// <summary>Given to every test host as <c>Auth:InitialAdminPassword</c>; new per test run.</summary>
    public static string AdminPassword { get; } = Convert.ToHexString(Guid.NewGuid().ToByteArray());

    /// <summary>An HTTP client signed in as the user: its cookie container carries the session.</summary>
    public static async Task<(HttpClient Http, CookieContainer Cookies)> SignInAsync(Uri server, string username, string password)
    {
        var cookies = new CookieContainer();
        var http = new HttpClient(new HttpClientHandler { CookieContainer = cookies }) { BaseAddress = server, Timeout = TimeSpan.FromSeconds(10) };
        var response = await http.PostAsJsonAsync("api/auth/login", new { username, password });
        response.EnsureSuccessStatusCode();
        return (http, cookies);
    }
}
