using CareIoT.Dc09;

namespace CareIoT.IntegrationTests;

/// <summary>
/// A panel account without a key has no secret: only the panels' own network may speak for it
/// (Dc09:PlainAccountNetworks). Here the host trusts 192.0.2.0/24 only, and the tests dial from loopback.
/// </summary>
[Collection(PanelNetworkHostCollection.Name)]
public sealed class PanelNetworkTests(PanelNetworkHostFixture host)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task APlainFrameForAKeylessAccountFromOutsideThePanelNetworkGetsADuhAndRaisesNothing()
    {
        using var api = new CareIoTApi(host.Server.BaseAddress);
        var (household, account) = await api.BindPanelAsync();
        var dialler = new PanelDialler(host.PanelPort);
        var before = await api.PanelStatsAsync();

        var overTcp = await dialler.SendTcpAsync(dialler.Encode(PanelDialler.ContactId(account, 1, "1110 01 015")));
        var overUdp = await dialler.SendUdpAsync(dialler.Encode(PanelDialler.ContactId(account, 2, "1101 01 001")));

        Assert.Equal(Dc09Token.Duh, overTcp?.Token);
        Assert.Equal(Dc09Token.Duh, overUdp?.Token);
        Assert.Empty(await api.HouseholdAlertsAsync(household));
        var after = await api.PanelStatsAsync();
        Assert.Equal(before.GetValueOrDefault("rejected.PlainOutsideTrustedNetworks") + 2, after.GetValueOrDefault("rejected.PlainOutsideTrustedNetworks"));
    }

    [Fact]
    public async Task AnEncryptedAccountIsHeardFromAnyNetwork()
    {
        const string textKey = "CareIoT-panel-16";
        using var api = new CareIoTApi(host.Server.BaseAddress);
        var (_, account) = await api.BindPanelAsync(key: textKey, keyFormat: "text");
        var key = Dc09AccountKey.FromText(textKey);
        var dialler = new PanelDialler(host.PanelPort);
        await using var console = new ConsoleClient(host.Server.BaseAddress);
        await console.ConnectAsync();

        var answer = await dialler.SendTcpAsync(dialler.Encode(PanelDialler.ContactId(account, 3, "1110 01 015", DateTimeOffset.UtcNow, encrypted: true), key), key);
        var (alert, _) = await console.WaitForAsync(a => a.DeviceId == $"panel-{account}", Patience);

        Assert.Equal(Dc09Token.Ack, answer?.Token);
        Assert.Equal("Fire", alert.Cause);
    }
}
