using System.Net;
using System.Net.Http.Json;

namespace CareIoT.IntegrationTests;

/// <summary>The real host's security headers on pages, API answers and refusals, and its session cookie's attributes.</summary>
[Collection(CareIoTHostCollection.Name)]
public sealed class SecurityHeadersTests(CareIoTHostFixture host)
{
    private const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; font-src 'self'; "
        + "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'";

    [Theory]
    [InlineData("index.html", HttpStatusCode.OK)]
    [InlineData("login.html", HttpStatusCode.OK)]
    [InlineData("api/auth/me", HttpStatusCode.OK)]
    [InlineData("api/alerts/open", HttpStatusCode.OK)]
    [InlineData("api/admin/no-such-endpoint", HttpStatusCode.NotFound)]
    public async Task EveryResponseCarriesTheSecurityHeaders(string path, HttpStatusCode status)
    {
        using var admin = new CareIoTApi(host.Server.BaseAddress);

        var response = await admin.Http.GetAsync(path);

        Assert.Equal(status, response.StatusCode);
        Assert.Equal(ContentSecurityPolicy, Header(response, "Content-Security-Policy"));
        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
        Assert.Equal("DENY", Header(response, "X-Frame-Options"));
        Assert.Equal("no-referrer", Header(response, "Referrer-Policy"));
        Assert.Equal("same-origin", Header(response, "Cross-Origin-Opener-Policy"));
        Assert.Contains("camera=()", Header(response, "Permissions-Policy"), StringComparison.Ordinal);
        if (path.StartsWith("api/", StringComparison.Ordinal))
        {
            Assert.Equal("no-store", Header(response, "Cache-Control"));
        }
    }

    [Fact]
    public async Task ARefusalCarriesThemToo()
    {
        using var http = new HttpClient { BaseAddress = host.Server.BaseAddress };

        var response = await http.GetAsync("api/alerts/open");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(ContentSecurityPolicy, Header(response, "Content-Security-Policy"));
        Assert.Equal("no-store", Header(response, "Cache-Control"));
        Assert.False(response.Headers.Contains("Server"), "the server names its software");
    }

    [Fact]
    public async Task TheSessionCookieIsHttpOnlyAndSameSiteStrictAndNotSecureOnPlainLoopbackHttp()
    {
        using var http = new HttpClient(new HttpClientHandler { UseCookies = false }) { BaseAddress = host.Server.BaseAddress };

        var response = await http.PostAsJsonAsync("api/auth/login", new { username = TestUsers.Admin, password = TestUsers.AdminPassword });

        response.EnsureSuccessStatusCode();
        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith("careiot=", StringComparison.Ordinal));
        var attributes = cookie.Split(';', StringSplitOptions.TrimEntries).Skip(1).Select(a => a.ToLowerInvariant()).ToArray();
        Assert.Contains("httponly", attributes);
        Assert.Contains("samesite=strict", attributes);
        Assert.Contains("path=/", attributes);
        Assert.DoesNotContain("secure", attributes);
        Assert.DoesNotContain(TestUsers.Admin, cookie.Split(';')[0]["careiot=".Length..], StringComparison.OrdinalIgnoreCase);
    }

    private static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values)
            ? string.Join(", ", values)
            : $"(no {name})";
}
