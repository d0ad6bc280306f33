using System.Net;
using System.Net.Http.Json;
using CareIoT.Dc09;
using Xunit.Abstractions;

namespace CareIoT.IntegrationTests;

/// <summary>
/// Home-alarm panels over DC-09 against the real host: a panel account bound to a household by the
/// installer's API, frames dialled over real TCP and UDP sockets, alerts seen on a real console.
/// </summary>
[Collection(CareIoTHostCollection.Name)]
public sealed class PanelReceiverTests(CareIoTHostFixture host, ITestOutputHelper output)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);
    private const string TextKey = "CareIoT-panel-16";

    [Fact]
    public async Task ContactIdFireOverTcpReachesTheConsoleAsAFireAlert()
    {
        using var api = new CareIoTApi(host.Server.BaseAddress);
        var (household, account) = await api.BindPanelAsync();
        await using var console = new ConsoleClient(host.Server.BaseAddress);
        await console.ConnectAsync();
        var dialler = new PanelDialler(host.PanelPort);

        var answer = await dialler.SendTcpAsync(dialler.Encode(PanelDialler.ContactId(account, 1, "1110 01 015")));
        var (alert, _) = await console.WaitForAsync(a => a.DeviceId == $"panel-{account}", Patience);

        Assert.NotNull(answer);
        Assert.Equal(Dc09Token.Ack, answer.Token);
        Assert.Equal(1, answer.Sequence);
        Assert.Equal(account, answer.Account);
        Assert.Equal("Fire", alert.Cause);
        Assert.Equal("Highest", alert.Priority);
        Assert.Equal(new SiteDto("Household", household), alert.Site);
    }

    [Fact]
    public async Task EncryptedPanicWithATextKeyIsAcknowledgedEncryptedAndAStaleOneGetsANak()
    {
        using var api = new CareIoTApi(host.Server.BaseAddress);
        var (_, account) = await api.BindPanelAsync(key: TextKey, keyFormat: "text");
        var key = Dc09AccountKey.FromText(TextKey);
        var dialler = new PanelDialler(host.PanelPort);
        await using var console = new ConsoleClient(host.Server.BaseAddress);
        await console.ConnectAsync();

        var stale = await dialler.SendTcpAsync(dialler.Encode(PanelDialler.ContactId(account, 7, "1101 01 001", Now().AddMinutes(-2), encrypted: true), key), key);
        var fresh = await dialler.SendTcpAsync(dialler.Encode(PanelDialler.ContactId(account, 8, "1101 01 001", Now(), encrypted: true), key), key);
        var (alert, _) = await console.WaitForAsync(a => a.DeviceId == $"panel-{account}", Patience);

        Assert.Equal(Dc09Token.Nak, stale?.Token);
        Assert.NotNull(stale?.Timestamp);
        Assert.Equal(Dc09Token.Ack, fresh?.Token);
        Assert.True(fresh!.Encrypted);
        Assert.Equal(8, fresh.Sequence);
        Assert.Equal("PersonalEmergency", alert.Cause);
        Assert.Equal(1, alert.Occurrences); // the NAKed frame raised nothing
    }

    [Fact]
    public async Task APlainFrameInTheNameOfAnEncryptingAccountGetsADuhAndRaisesNothing()
    {
        using var api = new CareIoTApi(host.Server.BaseAddress);
        var (household, account) = await api.BindPanelAsync(key: TextKey, keyFormat: "text");
        var dialler = new PanelDialler(host.PanelPort);
        var before = await api.PanelStatsAsync();

        var forged = await dialler.SendTcpAsync(dialler.Encode(PanelDialler.ContactId(account, 9, "1110 01 015")));

        Assert.Equal(Dc09Token.Duh, forged?.Token);
        Assert.Empty(await api.HouseholdAlertsAsync(household));
        var after = await api.PanelStatsAsync();
        Assert.Equal(before.GetValueOrDefault("rejected.PlainFromEncryptedAccount") + 1, after.GetValueOrDefault("rejected.PlainFromEncryptedAccount"));
    }

    [Fact]
    public async Task ARepeatedSequenceIsAcknowledgedAgainButRaisesOneAlert()
    {
        using var api = new CareIoTApi(host.Server.BaseAddress);
        var (household, account) = await api.BindPanelAsync();
        var dialler = new PanelDialler(host.PanelPort);
        var frame = dialler.Encode(PanelDialler.ContactId(account, 42, "1100 01 003"));

        var first = await dialler.SendTcpAsync(frame);
        var again = await dialler.SendUdpAsync(frame);

        Assert.Equal(Dc09Token.Ack, first?.Token);
        Assert.Equal(Dc09Token.Ack, again?.Token);
        var alert = Assert.Single(await api.HouseholdAlertsAsync(household));
        Assert.Equal(1, alert.Occurrences);
        Assert.True((await api.PanelStatsAsync()).GetValueOrDefault("duplicates") >= 1);
    }

    [Fact]
    public async Task ALinkTestOverUdpKeepsThePanelOnlineAndRaisesNothing()
    {
        using var api = new CareIoTApi(host.Server.BaseAddress);
        var (household, account) = await api.BindPanelAsync();
        var dialler = new PanelDialler(host.PanelPort);

        var answer = await dialler.SendUdpAsync(dialler.Encode(new Dc09Frame(Dc09Token.Null, false, 3, null, null, account, "", [], null)));

        Assert.Equal(Dc09Token.Ack, answer?.Token);
        var health = await api.DeviceHealthAsync($"panel-{account}");
        Assert.True(health.Online);
        Assert.NotNull(health.LastSeen);
        Assert.Empty(await api.HouseholdAlertsAsync(household));
    }

    [Fact]
    public async Task ABadCrcGetsNoAnswerAndAnUnknownAccountADuhBothCountedAndDeadLettered()
    {
        using var api = new CareIoTApi(host.Server.BaseAddress);
        var dialler = new PanelDialler(host.PanelPort);
        var stranger = $"F{Random.Shared.Next(0x100000, 0xFFFFFF):X6}";
        var good = dialler.Encode(PanelDialler.ContactId(stranger, 5, "1110 01 001"));
        var corrupt = (byte[])good.Clone();
        corrupt[1] = corrupt[1] == (byte)'0' ? (byte)'1' : (byte)'0'; // the first CRC digit
        var before = await api.PanelStatsAsync();

        var silence = await dialler.SendTcpAsync(corrupt, wait: TimeSpan.FromSeconds(2));
        var duh = await dialler.SendTcpAsync(good);

        Assert.Null(silence);
        Assert.Equal(Dc09Token.Duh, duh?.Token);
        Assert.Equal(5, duh!.Sequence);
        var after = await api.PanelStatsAsync();
        Assert.Equal(before.GetValueOrDefault("rejected.BadCrc") + 1, after.GetValueOrDefault("rejected.BadCrc"));
        Assert.Equal(before.GetValueOrDefault("rejected.UnknownAccount") + 1, after.GetValueOrDefault("rejected.UnknownAccount"));
        var letters = await api.DeadLettersAsync();
        Assert.Contains(letters, l => l.Source == "dc09" && l.Reason == "UnknownAccount" && l.DeviceId == stranger);
        Assert.Contains(letters, l => l.Source == "dc09" && l.Reason == "BadCrc");
    }

    [Fact]
    public async Task BindingRefusesABadKeyAnUnknownVendorAndATakenAccount()
    {
        using var api = new CareIoTApi(host.Server.BaseAddress);
        var (household, account) = await api.BindPanelAsync();

        var shortKey = await api.Http.PutAsJsonAsync($"api/install/panels/{PanelApi.NewAccount()}", new { householdId = household, serial = PanelApi.NewSerial(), key = "ABCD", keyFormat = "hex" });
        var vendor = await api.Http.PutAsJsonAsync($"api/install/panels/{PanelApi.NewAccount()}", new { householdId = household, serial = PanelApi.NewSerial(), vendor = "no-such-vendor" });
        var taken = await api.Http.PutAsJsonAsync($"api/install/panels/{account}", new { householdId = household, serial = PanelApi.NewSerial() });
        var shown = await api.Http.GetStringAsync($"api/install/panels/{account}");

        Assert.Equal(HttpStatusCode.BadRequest, shortKey.StatusCode);
        Assert.Contains("\"code\":\"badHexKey\"", await shortKey.Content.ReadAsStringAsync()); // the installer's page says it in its language
        Assert.Equal(HttpStatusCode.BadRequest, vendor.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, taken.StatusCode);
        Assert.Contains("\"code\":\"taken\"", await taken.Content.ReadAsStringAsync());
        Assert.Contains($"panel-{account}", shown);
        output.WriteLine(shown);
    }

    private static DateTimeOffset Now() => DateTimeOffset.UtcNow;
}
