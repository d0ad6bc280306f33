using System.Net.Http.Json;
using CareIoT.DeviceProtocol;
using CareIoT.Ingestion.Zigbee2Mqtt;
using Microsoft.Playwright;
using Npgsql;

namespace CareIoT.IntegrationTests;

/// <summary>
/// A storm through the real broker: a Zigbee gateway reports 2,000 of its devices offline at once, and a
/// smoke alarm elsewhere goes off in the middle of it. The console gets one outage incident — no row per
/// device — and the fire is the first thing in its queue; when the gateway is back the incident closes.
/// </summary>
[Collection(CareIoTHostCollection.Name)]
public sealed class OutageStormTests(CareIoTHostFixture host)
{
    private const int Devices = 2000;
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task TwoThousandDevicesOfflineAtOnceAreOneIncidentAndAFireDuringTheStormIsFirstInTheQueue()
    {
        using var api = new CareIoTApi(host.Server.BaseAddress);
        var run = Guid.NewGuid().ToString("N")[..8];
        var gateway = $"gw-storm-{run}";
        var stormDevices = await RegisterBehindGatewayAsync(run, gateway);
        var (_, smokeAlarm) = await api.RegisterHouseholdWithAsync("SmokeAlarm");
        await using var console = new ConsoleClient(host.Server.BaseAddress);
        await console.ConnectAsync();
        await using var bridge = await host.ConnectDeviceAsync(gateway);
        await using var alarm = await host.ConnectDeviceAsync(smokeAlarm);

        for (var i = 0; i < Devices; i++)
        {
            await bridge.PublishAsync(Zigbee2MqttTopics.AvailabilityOf(gateway, stormDevices[i]), """{"state":"offline"}""");
            if (i == Devices / 2)
            {
                await alarm.SendAsync(smokeAlarm, MessageTypes.SmokeAlarm);
            }
        }

        var incident = await Eventually.ValueAsync(async () =>
            (await api.Http.GetFromJsonAsync<IncidentDto[]>("api/incidents/open"))!.FirstOrDefault(i => i.Area == $"gateway:{gateway}" && i.Members == Devices),
            Patience, $"one incident with all {Devices} devices of {gateway}");
        var queue = await console.GetQueueAsync();
        var storm = stormDevices.ToHashSet();
        var rows = queue.Alerts.Where(a => a.IncidentId is null).ToList();
        var fire = Assert.Single(rows, a => a.DeviceId == smokeAlarm);

        Assert.Equal(Devices, queue.Alerts.Count(a => storm.Contains(a.DeviceId) && a.IncidentId == incident.IncidentId));
        Assert.DoesNotContain(rows, a => storm.Contains(a.DeviceId));
        Assert.Equal(("Fire", "Highest"), (fire.Cause, fire.Priority));
        // The console's order: priority, then age. Before the fire may stand only older fires (of other tests on this host).
        var rank = new Dictionary<string, int> { ["Highest"] = 1, ["Critical"] = 2, ["High"] = 3, ["Normal"] = 4, ["Low"] = 5 };
        var ordered = rows.OrderBy(a => rank[a.Priority]).ThenBy(a => a.RaisedAt).ToList();
        Assert.All(ordered.TakeWhile(a => a.AlertId != fire.AlertId), a => Assert.True(a.Priority == "Highest" && a.RaisedAt <= fire.RaisedAt, $"{a.Cause} {a.Priority} before the fire"));
        Assert.Equal(Devices, incident.StillOffline);

        // And on screen: one incident row, no row of a storm device, the fire in the life-safety list.
        await using var chromium = await SystemChromium.LaunchAsync();
        var page = await chromium.Browser.NewPageAsync(new() { ViewportSize = new() { Width = 1500, Height = 900 } });
        await BrowserSignIn.ToConsoleAsync(page, host.Server.BaseAddress, TestUsers.Admin, TestUsers.AdminPassword);
        await Assertions.Expect(page.Locator("#incidents tbody tr", new() { HasText = gateway })).ToContainTextAsync($"{Devices} 台设备离线", new() { Timeout = 15_000 });
        await Assertions.Expect(page.Locator("#queue tbody tr", new() { HasText = smokeAlarm })).ToContainTextAsync("李桂兰", new() { Timeout = 15_000 });
        await Assertions.Expect(page.Locator("#technical tbody tr", new() { HasText = $"st-{run}-" })).ToHaveCountAsync(0);
        await page.ScreenshotAsync(new() { Path = Path.Combine(SystemChromium.ScreenshotDirectory, "console-outage.png") });

        // The gateway comes back: every member is restored by its device and the incident closes itself
        // (and the shared host is left without 2,000 open alerts).
        foreach (var device in stormDevices)
        {
            await bridge.PublishAsync(Zigbee2MqttTopics.AvailabilityOf(gateway, device), """{"state":"online"}""");
        }

        Assert.True(await Eventually.TrueAsync(async () =>
            !(await api.Http.GetFromJsonAsync<IncidentDto[]>("api/incidents/open"))!.Any(i => i.IncidentId == incident.IncidentId), Patience),
            "the incident did not close when all its devices were back");
        Assert.DoesNotContain(await api.OpenAlertsAsync(), a => storm.Contains(a.DeviceId));
    }

    private async Task<string[]> RegisterBehindGatewayAsync(string run, string gateway)
    {
        await using var journal = new NpgsqlConnection(host.JournalConnectionString);
        await journal.OpenAsync();
        await using var register = new NpgsqlCommand("""
            INSERT INTO households (household_id, elder_name, address)
                SELECT 'st-' || @run || '-' || i, '居民' || i, '和平街道 ' || i || ' 号' FROM generate_series(1, @n) i;
            INSERT INTO devices (device_id, kind, household_id, gateway_id)
                SELECT 'st-' || @run || '-d' || i, 'SmokeAlarm', 'st-' || @run || '-' || i, @gw FROM generate_series(1, @n) i;
            """, journal);
        register.Parameters.AddWithValue("run", run);
        register.Parameters.AddWithValue("n", Devices);
        register.Parameters.AddWithValue("gw", gateway);
        await register.ExecuteNonQueryAsync();
        return [.. Enumerable.Range(1, Devices).Select(i => $"st-{run}-d{i}")];
    }

    private sealed record IncidentDto(Guid IncidentId, string Area, DateTimeOffset OpenedAt, int Members, int StillOffline);
}
