using System.Net;

namespace CareIoT.IntegrationTests;

/// <summary>
/// The real host answers only requests that name it (AllowedHosts): a page of another origin that
/// re-points its own name at the centre's address (DNS rebinding) gets 400, never the console.
/// </summary>
[Collection(CareIoTHostCollection.Name)]
public sealed class AllowedHostsTests(CareIoTHostFixture host)
{
    [Theory]
    [InlineData("evil.example")]
    [InlineData("careiot.evil.example:5080")]
    [InlineData("127.0.0.2")]
    public async Task ARequestNamingAnotherHostIsRefused(string hostHeader)
    {
        using var http = new HttpClient { BaseAddress = host.Server.BaseAddress };
        using var request = new HttpRequestMessage(HttpMethod.Get, "login.html");
        request.Headers.Host = hostHeader;

        using var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("localhost")]
    public async Task ARequestNamingThisHostIsServed(string name)
    {
        using var http = new HttpClient { BaseAddress = host.Server.BaseAddress };
        using var request = new HttpRequestMessage(HttpMethod.Get, "login.html");
        request.Headers.Host = $"{name}:{host.Server.BaseAddress.Port}";

        using var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task TheMachinesOwnNameIsServed()
    {
        using var http = new HttpClient { BaseAddress = host.Server.BaseAddress };
        using var request = new HttpRequestMessage(HttpMethod.Get, "login.html");
        request.Headers.Host = Dns.GetHostName();

        using var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
