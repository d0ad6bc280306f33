using CareIoT.Dc09;

namespace CareIoT.IntegrationTests;

/// <summary>
/// SIA-DCS data blocks as panels send them (ASCII text, several events, modifiers without separators, an
/// empty data block), dialled over real sockets to the real host. The data blocks are the captured ones
/// from public receiver libraries, with the test's own freshly bound account in place of theirs.
/// </summary>
[Collection(CareIoTHostCollection.Name)]
public sealed class PanelSiaDataTests(CareIoTHostFixture host)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);

    // ioBroker.sia (schmupu/ioBroker.sia), test/siaCommand: area, peripheral, date and time, then the
    // untyped-zone code UT, which no table maps, and a text block.
    private const string IoBrokerBlock = "Nri0000pi0006da10-25-18ti14:37:53UT0000^$PR,SCOMPARSA          ,Centrale,Zona1,ROtTe.6MyLittlPoint^";

    // pysiaalarm (eavanvalkenburg/pysiaalarm), tests/test_sia_package_cases.py, case_bug (issue #11), with
    // its text padding restored from the published CRC; then a medical alarm of our own with a text block.
    private const string ClosingThenMedicalBlock = "Nri1CL0^VX FRONTE       ^/id3/MA5^PENDANT BEDROOM ^";

    [Fact]
    public async Task AnUnmappedCodeWithModifiersAndTextIsAcknowledgedAndRaisesATechnicalAlert()
    {
        using var api = new CareIoTApi(host.Server.BaseAddress);
        var (household, account) = await api.BindPanelAsync();
        await using var console = new ConsoleClient(host.Server.BaseAddress);
        await console.ConnectAsync();
        var dialler = new PanelDialler(host.PanelPort);
        var before = await api.PanelStatsAsync();

        var answer = await dialler.SendTcpAsync(dialler.Encode(Sia(account, 5, IoBrokerBlock)));
        var (alert, _) = await console.WaitForAsync(a => a.DeviceId == $"panel-{account}", Patience);

        Assert.Equal(Dc09Token.Ack, answer?.Token);
        Assert.Equal(5, answer!.Sequence);
        Assert.Equal("DeviceFault", alert.Cause);
        Assert.Equal(new SiteDto("Household", household), alert.Site);
        var after = await api.PanelStatsAsync();
        Assert.Equal(before.GetValueOrDefault("events.Generic") + 1, after.GetValueOrDefault("events.Generic"));
        Assert.Equal(before.GetValueOrDefault("rejected.Unreadable"), after.GetValueOrDefault("rejected.Unreadable"));
    }

    [Fact]
    public async Task SeveralEventsWithTextOverTcpAndAnEmptyDataBlockOverUdpAreAcknowledged()
    {
        using var api = new CareIoTApi(host.Server.BaseAddress);
        var (household, account) = await api.BindPanelAsync();
        await using var console = new ConsoleClient(host.Server.BaseAddress);
        await console.ConnectAsync();
        var dialler = new PanelDialler(host.PanelPort);

        var events = await dialler.SendTcpAsync(dialler.Encode(Sia(account, 6, ClosingThenMedicalBlock)));
        var empty = await dialler.SendUdpAsync(dialler.Encode(new Dc09Frame(Dc09Token.SiaDcs, false, 7, null, "0", account, "", [], null)));
        var (alert, _) = await console.WaitForAsync(a => a.DeviceId == $"panel-{account}", Patience);

        Assert.Equal(Dc09Token.Ack, events?.Token);
        Assert.Equal(Dc09Token.Ack, empty?.Token);
        Assert.Equal(7, empty!.Sequence);
        Assert.Equal("PersonalEmergency", alert.Cause);
        var only = Assert.Single(await api.HouseholdAlertsAsync(household)); // the closing report raised nothing
        Assert.Equal("PersonalEmergency", only.Cause);
        var health = await api.DeviceHealthAsync($"panel-{account}");
        Assert.True(health.Online);
        Assert.NotNull(health.LastSeen);
    }

    private static Dc09Frame Sia(string account, int sequence, string block) =>
        new(Dc09Token.SiaDcs, false, sequence, null, "0", account, $"#{account}|{block}", [], null);
}
