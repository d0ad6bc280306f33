using System.Net;
using System.Net.Http.Json;
using CareIoT.DeviceSimulator;
using Npgsql;

namespace CareIoT.IntegrationTests;

/// <summary>
/// NB-IoT smoke alarms through the carriers' platforms against the real host over real HTTP: a device
/// bound by the installer's API, pushes signed as OneNET and CTWing sign them (from the simulator), alerts
/// read back from the journal's API, refusals from the counters and the dead-letter store.
/// </summary>
[Collection(CarrierPushHostCollection.Name)]
public sealed class CarrierPushTests(CarrierPushHostFixture host) : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);
    private readonly HttpClient _push = new() { BaseAddress = host.Server.BaseAddress };

    [Fact]
    public async Task ASignedOneNetSmokeDataPointRaisesAFireAlertForTheBoundHousehold()
    {
        using var api = new CareIoTApi(host.Server.BaseAddress);
        var (household, alarm) = await api.BindNbIotAlarmAsync(_push, "onenet");

        var status = await alarm.SmokeAsync();
        var alert = await FireAlertAsync(api, household);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(alarm.DeviceId, alert.DeviceId);
        Assert.Equal("Highest", alert.Priority);
    }

    [Fact]
    public async Task ACtwingDataReportAndAnEventReportRaiseOneFireAlertForTheBoundHousehold()
    {
        using var api = new CareIoTApi(host.Server.BaseAddress);
        var (household, alarm) = await api.BindNbIotAlarmAsync(_push, "ctwing");

        var report = await alarm.SmokeAsync();
        var alert = await FireAlertAsync(api, household);
        var evt = await alarm.PushCtwingAsync(NbIotPushes.CtwingEventReport(alarm.Imei, "15000001", "1001", """{"smoke_alarm":1}""", DateTimeOffset.UtcNow));

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (report, evt));
        Assert.Equal(alarm.DeviceId, alert.DeviceId);
        Assert.True(await Eventually.TrueAsync(async () => (await api.HouseholdAlertsAsync(household)).Single(a => a.Cause == "Fire").Occurrences == 2, Patience));
    }

    [Fact]
    public async Task APushLeftInTheInboxByASiloThatDiedAfterAnsweringRaisesItsFireAndLeavesTheInbox()
    {
        using var api = new CareIoTApi(host.Server.BaseAddress);
        var (household, alarm) = await api.BindNbIotAlarmAsync(_push, "ctwing");
        var body = NbIotPushes.CtwingDataReport(alarm.Imei, "15000001", """{"smoke_state":1}""", DateTimeOffset.UtcNow.AddMinutes(-1));
        await using var journal = new NpgsqlConnection(host.JournalConnectionString);
        await journal.OpenAsync();
        await using (var left = new NpgsqlCommand(
            "INSERT INTO carrier_inbox (platform, origin, received_at, body) VALUES ('ctwing', 'POST /carrier/ctwing from a dead silo', now() - interval '1 minute', $1) RETURNING id", journal))
        {
            left.Parameters.Add(new NpgsqlParameter { Value = System.Text.Encoding.UTF8.GetBytes(body) });
            var id = (long)(await left.ExecuteScalarAsync())!;

            var alert = await FireAlertAsync(api, household);

            Assert.Equal(alarm.DeviceId, alert.DeviceId);
            await using var count = new NpgsqlCommand("SELECT count(*) FROM carrier_inbox WHERE id = $1", journal);
            count.Parameters.Add(new NpgsqlParameter { Value = id });
            Assert.True(await Eventually.TrueAsync(async () => (long)(await count.ExecuteScalarAsync())! == 0, Patience));
        }
    }

    [Fact]
    public async Task OneNetsUrlCheckIsAnsweredWithMsgOnlyForTheTokensSignature()
    {
        var good = await _push.GetAsync($"carrier/onenet?{NbIotPushes.OneNetUrlCheck("verify-me", "n1", CarrierPushHostFixture.OneNetToken)}");
        var bad = await _push.GetAsync($"carrier/onenet?{NbIotPushes.OneNetUrlCheck("verify-me", "n1", "guess")}");

        Assert.Equal(HttpStatusCode.OK, good.StatusCode);
        Assert.Equal("verify-me", await good.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Unauthorized, bad.StatusCode);
    }

    [Fact]
    public async Task AWrongSignatureIs401AMalformedPushIs400BothCountedAndDeadLetteredAndNothingIsRaised()
    {
        using var api = new CareIoTApi(host.Server.BaseAddress);
        var (household, alarm) = await api.BindNbIotAlarmAsync(_push, "ctwing");
        var before = await api.CarrierStatsAsync();
        var smoke = NbIotPushes.CtwingDataReport(alarm.Imei, "15000001", """{"smoke_state":1}""", DateTimeOffset.UtcNow);

        var forged = await alarm.PushCtwingAsync(smoke, signature: NbIotPushes.CtwingSignature("guess", smoke));
        var malformed = await alarm.PushCtwingAsync("""{"messageType":"dataReport","IMEI":"1"}""");
        var forgedOneNet = await alarm.PushOneNetAsync(NbIotPushes.OneNetDataPoint("1", "smoke_state", "1", DateTimeOffset.UtcNow, "guess"));
        var oversize = await alarm.PushCtwingAsync(new string(' ', 70_000) + smoke);

        Assert.Equal(HttpStatusCode.Unauthorized, forged);
        Assert.Equal(HttpStatusCode.BadRequest, malformed);
        Assert.Equal(HttpStatusCode.Unauthorized, forgedOneNet);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, oversize);
        var after = await api.CarrierStatsAsync();
        Assert.Equal(before.GetValueOrDefault("ctwing.rejected.BadSignature") + 1, after.GetValueOrDefault("ctwing.rejected.BadSignature"));
        Assert.Equal(before.GetValueOrDefault("ctwing.rejected.Malformed") + 1, after.GetValueOrDefault("ctwing.rejected.Malformed"));
        Assert.Equal(before.GetValueOrDefault("onenet.rejected.BadSignature") + 1, after.GetValueOrDefault("onenet.rejected.BadSignature"));
        Assert.Equal(before.GetValueOrDefault("ctwing.rejected.Oversize") + 1, after.GetValueOrDefault("ctwing.rejected.Oversize"));
        var letters = await api.DeadLettersAsync();
        Assert.Contains(letters, l => l.Source == "ctwing" && l.Reason == "BadSignature");
        Assert.Contains(letters, l => l.Source == "ctwing" && l.Reason == "Malformed");
        Assert.Contains(letters, l => l.Source == "onenet" && l.Reason == "BadSignature");
        Assert.Empty(await api.HouseholdAlertsAsync(household));
    }

    [Fact]
    public async Task AReplayedPushIsAnsweredAgainButRaisesOneAlertAndAnOldOneIsRefused()
    {
        using var api = new CareIoTApi(host.Server.BaseAddress);
        var (household, alarm) = await api.BindNbIotAlarmAsync(_push, "onenet");
        var devId = (await api.Http.GetFromJsonAsync<NbIotBindingDto>($"api/install/nbiot/{alarm.Imei}"))!.PlatformDeviceId;
        var push = NbIotPushes.OneNetDataPoint(devId, "smoke_state", "1", DateTimeOffset.UtcNow, CarrierPushHostFixture.OneNetToken);
        var before = await api.CarrierStatsAsync();

        var first = await alarm.PushOneNetAsync(push);
        await FireAlertAsync(api, household);
        var again = await alarm.PushOneNetAsync(push);
        var old = await alarm.PushOneNetAsync(NbIotPushes.OneNetDataPoint(devId, "smoke_state", "1", DateTimeOffset.UtcNow.AddHours(-3), CarrierPushHostFixture.OneNetToken));

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK), (first, again, old));
        Assert.True(await Eventually.TrueAsync(async () =>
        {
            var after = await api.CarrierStatsAsync();
            return after.GetValueOrDefault("onenet.duplicates") > before.GetValueOrDefault("onenet.duplicates")
                && after.GetValueOrDefault("onenet.rejected.Replayed") > before.GetValueOrDefault("onenet.rejected.Replayed");
        }, Patience));
        Assert.Equal(1, Assert.Single(await api.HouseholdAlertsAsync(household)).Occurrences);
    }

    [Fact]
    public async Task AnUnknownDeviceIsAnsweredThenDeadLetteredWithTheReason()
    {
        using var api = new CareIoTApi(host.Server.BaseAddress);
        var stranger = CarrierPushApi.NewImei();
        var alarm = new SimulatedNbIotAlarm(_push, "ctwing", stranger, stranger, CarrierPushHostFixture.CtwingSecret);

        var status = await alarm.SmokeAsync();

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.True(await Eventually.TrueAsync(async () =>
            (await api.DeadLettersAsync()).Any(l => l.Source == "ctwing" && l.Reason == "UnknownDevice" && l.DeviceId == stranger), Patience));
    }

    [Fact]
    public async Task AFloodOfGarbageIsRefusedAndCountedAndTheReceiverKeepsAnswering()
    {
        using var api = new CareIoTApi(host.Server.BaseAddress);
        var (household, alarm) = await api.BindNbIotAlarmAsync(_push, "onenet");
        var before = await api.CarrierStatsAsync();

        var answers = await Task.WhenAll(Enumerable.Range(0, 300).Select(i => i % 2 == 0
            ? alarm.PushOneNetAsync("{\"msg\":" + i)
            : alarm.PushOneNetAsync(NbIotPushes.OneNetDataPoint("1", "smoke_state", "1", DateTimeOffset.UtcNow, "guess"))));
        var smoke = await alarm.SmokeAsync();

        Assert.All(answers, a => Assert.True(a is HttpStatusCode.BadRequest or HttpStatusCode.Unauthorized, $"{a}"));
        Assert.Equal(HttpStatusCode.OK, smoke);
        await FireAlertAsync(api, household);
        var after = await api.CarrierStatsAsync();
        Assert.Equal(300, after.GetValueOrDefault("onenet.rejected.Malformed") + after.GetValueOrDefault("onenet.rejected.BadSignature")
            - before.GetValueOrDefault("onenet.rejected.Malformed") - before.GetValueOrDefault("onenet.rejected.BadSignature"));
    }

    [Fact]
    public async Task BindingRefusesABadImeiAnUnknownProductAOneNetDeviceWithoutItsIdAndATakenImei()
    {
        using var api = new CareIoTApi(host.Server.BaseAddress);
        var (household, alarm) = await api.BindNbIotAlarmAsync(_push, "ctwing");

        var badImei = await api.Http.PutAsJsonAsync("api/install/nbiot/12345", new { householdId = household, platform = "ctwing", product = "example-ctwing-smoke" });
        var product = await api.Http.PutAsJsonAsync($"api/install/nbiot/{CarrierPushApi.NewImei()}", new { householdId = household, platform = "ctwing", product = "example-onenet-smoke" });
        var noDevId = await api.Http.PutAsJsonAsync($"api/install/nbiot/{CarrierPushApi.NewImei()}", new { householdId = household, platform = "onenet", product = "example-onenet-smoke" });
        var taken = await api.Http.PutAsJsonAsync($"api/install/nbiot/{alarm.Imei}", new { householdId = household, platform = "ctwing", product = "example-ctwing-smoke" });

        Assert.Equal(HttpStatusCode.BadRequest, badImei.StatusCode);
        Assert.Contains("\"code\":\"badImei\"", await badImei.Content.ReadAsStringAsync());
        Assert.Contains("\"code\":\"unknownProduct\"", await product.Content.ReadAsStringAsync());
        Assert.Contains("\"code\":\"missingPlatformDeviceId\"", await noDevId.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Conflict, taken.StatusCode);
    }

    private static Task<AlertDto> FireAlertAsync(CareIoTApi api, string household) =>
        Eventually.ValueAsync(async () => (await api.HouseholdAlertsAsync(household)).FirstOrDefault(a => a.Cause == "Fire"), Patience, $"a fire alert for {household}");

    public void Dispose() => _push.Dispose();

    private sealed record NbIotBindingDto(string Imei, string DeviceId, string Platform, string PlatformDeviceId, string Product);
}
