using System.Net;
using System.Net.Http.Json;

namespace CareIoT.IntegrationTests;

/// <summary>
/// Cross-site request forgery against the real host: a state-changing request that carries the
/// user's cookie but that the browser marks as coming from another site (Origin, Sec-Fetch-Site) is
/// refused with 403 and changes nothing; the same request from a non-browser client, which sends
/// neither header, and from the console's own origin goes through.
/// </summary>
[Collection(CareIoTHostCollection.Name)]
public sealed class CrossSiteRequestTests(CareIoTHostFixture host)
{
    [Theory]
    [InlineData("Origin", "https://evil.example")]
    [InlineData("Origin", "null")]
    [InlineData("Sec-Fetch-Site", "cross-site")]
    [InlineData("Sec-Fetch-Site", "same-site")]
    public async Task ACrossSiteWriteWithTheUsersCookieIsRefusedAndChangesNothing(string header, string value)
    {
        using var admin = new CareIoTApi(host.Server.BaseAddress);
        var household = $"hh-csrf-{Guid.NewGuid():N}"[..24];

        var forged = await admin.Http.SendAsync(RegisterHousehold(household, (header, value)));

        Assert.Equal(HttpStatusCode.Forbidden, forged.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.Http.GetAsync($"api/sites/households/{household}")).StatusCode);
    }

    [Fact]
    public async Task TheSameWriteWithoutBrowserHeadersOrFromTheConsolesOwnOriginGoesThrough()
    {
        using var admin = new CareIoTApi(host.Server.BaseAddress);
        var own = host.Server.BaseAddress.GetLeftPart(UriPartial.Authority);

        var tool = await admin.Http.SendAsync(RegisterHousehold($"hh-tool-{Guid.NewGuid():N}"[..24]));
        var console = await admin.Http.SendAsync(RegisterHousehold($"hh-page-{Guid.NewGuid():N}"[..24], ("Origin", own), ("Sec-Fetch-Site", "same-origin")));

        Assert.True(tool.IsSuccessStatusCode, $"a client without browser headers got {(int)tool.StatusCode}");
        Assert.True(console.IsSuccessStatusCode, $"the console's own origin got {(int)console.StatusCode}");
    }

    [Fact]
    public async Task HubNegotiationFromAnotherSiteIsRefusedAndReadsAreNotGuarded()
    {
        using var admin = new CareIoTApi(host.Server.BaseAddress);

        var negotiate = new HttpRequestMessage(HttpMethod.Post, "hubs/dispatch/negotiate?negotiateVersion=1");
        negotiate.Headers.Add("Origin", "https://evil.example");
        var read = new HttpRequestMessage(HttpMethod.Get, "api/auth/me");
        read.Headers.Add("Sec-Fetch-Site", "cross-site");

        Assert.Equal(HttpStatusCode.Forbidden, (await admin.Http.SendAsync(negotiate)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.Http.PostAsync("hubs/dispatch/negotiate?negotiateVersion=1", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.Http.SendAsync(read)).StatusCode);
    }

    [Theory]
    [InlineData("https://evil.example", false)]
    [InlineData("null", false)]
    [InlineData(null, true)]
    public async Task AWebSocketHandshakeToTheHubWithTheUsersCookieIsRefusedFromAnotherSite(string? origin, bool accepted)
    {
        using var admin = new CareIoTApi(host.Server.BaseAddress);
        using var socket = new System.Net.WebSockets.ClientWebSocket();
        socket.Options.Cookies = admin.Cookies;
        socket.Options.SetRequestHeader("Origin", origin ?? host.Server.BaseAddress.GetLeftPart(UriPartial.Authority));
        var hub = new UriBuilder(new Uri(host.Server.BaseAddress, "hubs/dispatch")) { Scheme = "ws" }.Uri;

        var handshake = await Record.ExceptionAsync(() => socket.ConnectAsync(hub, CancellationToken.None));

        // Skipping negotiation is what a hijacking page does: the handshake alone opens the hub.
        Assert.Equal(accepted, handshake is null);
        if (!accepted)
        {
            Assert.Contains("403", handshake!.ToString(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task SignalRsPollingFallbacksAreGuardedToo()
    {
        using var admin = new CareIoTApi(host.Server.BaseAddress);
        var poll = new HttpRequestMessage(HttpMethod.Get, "hubs/dispatch?id=anything");
        poll.Headers.Add("Sec-Fetch-Site", "cross-site");
        var events = new HttpRequestMessage(HttpMethod.Get, "hubs/dispatch?id=anything");
        events.Headers.Add("Origin", "https://evil.example");
        events.Headers.Add("Accept", "text/event-stream");

        Assert.Equal(HttpStatusCode.Forbidden, (await admin.Http.SendAsync(poll)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await admin.Http.SendAsync(events)).StatusCode);
    }

    private static HttpRequestMessage RegisterHousehold(string household, params (string Name, string Value)[] headers)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, $"api/registry/households/{household}")
        {
            Content = JsonContent.Create(new { elderName = "张秀英", address = "朝阳区和平街道 9 号", birthYear = 1940, contacts = Array.Empty<object>() }),
        };
        foreach (var (name, value) in headers)
        {
            request.Headers.Add(name, value);
        }

        return request;
    }
}
