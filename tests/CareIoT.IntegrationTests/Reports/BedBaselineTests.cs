using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using CareIoT.DeviceProtocol;

namespace CareIoT.IntegrationTests;

/// <summary>
/// A bed learns its resident from the real influxd: fifteen nights of an athlete's mattress series (48/min at
/// rest) are written to the host's telemetry database, the morning job runs, and the bed has her baseline, her
/// nights in the morning report — and 75/min, which the fixed limits (40–120) let pass, is an alarm that says
/// what her usual is.
/// </summary>
[Collection(CareIoTHostCollection.Name)]
public sealed class BedBaselineTests(CareIoTHostFixture host)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task FifteenNightsInInfluxGiveTheResidentHerOwnLimitsAndAMorningReport()
    {
        using var api = new CareIoTApi(host.Server.BaseAddress);
        var (bed, device) = await api.RegisterBedWithMattressAsync();
        // The bed's "night" is the 8 hours around now (so the live part below happens inside it), held 5 s.
        var shanghai = TimeSpan.FromHours(8);
        var now = DateTimeOffset.UtcNow.ToOffset(shanghai);
        var start = new TimeOnly(now.AddHours(-2).Hour, now.AddHours(-2).Minute);
        var end = new TimeOnly(now.AddHours(6).Hour, now.AddHours(6).Minute);
        var thresholds = new { nightStart = start.ToString("HH:mm:ss", CultureInfo.InvariantCulture), nightEnd = end.ToString("HH:mm:ss", CultureInfo.InvariantCulture),
            timeZone = "Asia/Shanghai", vitalsHold = "00:00:05" };
        (await api.Http.PutAsJsonAsync($"api/sites/beds/{bed}/thresholds", thresholds)).EnsureSuccessStatusCode();

        // Fifteen nights, one reading a minute: 48 ± 1 at rest, breathing 12, one exit of 10 minutes a night.
        var lines = new StringBuilder();
        var windowStart = new DateTimeOffset(now.Date.Add(start.ToTimeSpan()), shanghai);
        if (windowStart > now)
        {
            windowStart = windowStart.AddDays(-1);
        }

        for (var night = 1; night <= 15; night++)
        {
            var from = windowStart.AddDays(-night);
            for (var minute = 0; minute < 480; minute++)
            {
                var present = minute is < 200 or >= 210;
                var at = from.AddMinutes(minute).ToUnixTimeSeconds();
                var fields = present ? string.Create(CultureInfo.InvariantCulture, $"heart_rate={47 + minute % 3}i,respiration=12i,movement=0i,presence=true") : "presence=false";
                lines.Append(CultureInfo.InvariantCulture, $"vitals,device={device},kind=Mattress,site_kind=Bed,site={bed} {fields} {at}\n");
            }
        }

        using var influx = new HttpClient();
        var written = await influx.PostAsync($"{host.Services.InfluxUrl}/write?db={host.InfluxDatabase}&precision=s", new StringContent(lines.ToString()));
        Assert.Equal(HttpStatusCode.NoContent, written.StatusCode);

        (await api.Http.PostAsync("api/admin/baselines/run", null)).EnsureSuccessStatusCode();
        var run = await Eventually.ValueAsync(async () =>
        {
            var text = await api.Http.GetStringAsync("api/admin/baselines/run");
            return JsonDocument.Parse(text).RootElement.GetProperty("endedAt").ValueKind == JsonValueKind.Null ? null : text;
        }, Patience, "the baseline run to end");
        Assert.Equal(0, JsonDocument.Parse(run).RootElement.GetProperty("failed").GetInt32());

        var page = JsonDocument.Parse(await api.Http.GetStringAsync($"api/sites/beds/{bed}/care")).RootElement;
        var care = page.GetProperty("care");
        Assert.Equal(14, care.GetProperty("nights").GetInt32());
        Assert.Equal(48, care.GetProperty("baseline").GetProperty("heartRate").GetProperty("median").GetDouble());
        Assert.Equal(12, care.GetProperty("baseline").GetProperty("respiration").GetProperty("median").GetDouble());
        var limits = care.GetProperty("limitsNow");
        Assert.True(limits.GetProperty("personal").GetBoolean());
        Assert.InRange(limits.GetProperty("heartRateHigh").GetInt32(), 49, 60);
        var nights = page.GetProperty("nights").EnumerateArray().ToList();
        Assert.InRange(nights.Count, 14, 15);
        Assert.All(nights, n => Assert.Equal(1, n.GetProperty("bedExits").GetInt32()));
        Assert.All(nights, n => Assert.Equal("00:10:00", n.GetProperty("longestExit").GetString()));

        // The morning report of the newest night lists the bed, as JSON and as CSV.
        var newest = nights[0].GetProperty("night").GetString();
        var report = JsonDocument.Parse(await api.Http.GetStringAsync($"api/reports/nights?night={newest}")).RootElement;
        Assert.Contains(report.EnumerateArray(), r => r.GetProperty("night").GetProperty("bedId").GetString() == bed);
        var csv = await api.Http.GetStringAsync($"api/reports/nights?night={newest}&format=csv");
        Assert.Contains($",{bed},{newest},470,1,10,", csv, StringComparison.Ordinal);

        // The bed page and the morning report say the same, in the browser.
        await using (var chromium = await SystemChromium.LaunchAsync())
        {
            var browser = await chromium.Browser.NewPageAsync(new() { ViewportSize = new() { Width = 1300, Height = 1000 } });
            await BrowserSignIn.ToConsoleAsync(browser, host.Server.BaseAddress, TestUsers.Admin, TestUsers.AdminPassword);
            await browser.GotoAsync(new Uri(host.Server.BaseAddress, $"site.html?kind=bed&id={bed}").ToString());
            await Microsoft.Playwright.Assertions.Expect(browser.Locator("#care-panel")).ToHaveAttributeAsync("data-personal", "true", new() { Timeout = 15_000 });
            await Microsoft.Playwright.Assertions.Expect(browser.Locator("#care-state")).ToContainTextAsync("心率 48");
            await Microsoft.Playwright.Assertions.Expect(browser.Locator("#nights tbody tr")).ToHaveCountAsync(nights.Count);
            await browser.ScreenshotAsync(new() { Path = Path.Combine(SystemChromium.ScreenshotDirectory, "bed-normal.png"), FullPage = true });
            await browser.GotoAsync(new Uri(host.Server.BaseAddress, $"nights.html?night={newest}").ToString());
            await Microsoft.Playwright.Assertions.Expect(browser.Locator($"#beds tr[data-bed='{bed}']")).ToContainTextAsync("7:50", new() { Timeout = 15_000 });
            await browser.ScreenshotAsync(new() { Path = Path.Combine(SystemChromium.ScreenshotDirectory, "morning-report.png") });
        }

        // Live: 75/min, twice, 6 s apart — inside 40–120, far above her usual.
        await using var mattress = await host.ConnectDeviceAsync(device);
        foreach (var _ in Enumerable.Range(0, 3))
        {
            await mattress.SendAsync(device, MessageTypes.Vitals, fill: p => p with { Presence = true, HeartRate = 75, RespirationRate = 12, Movement = 0 });
            await Task.Delay(TimeSpan.FromSeconds(3)); // the rule's hold is 5 s of readings, not a wait for the test
        }

        var alarm = await Eventually.ValueAsync(async () =>
        {
            var open = JsonDocument.Parse(await api.Http.GetStringAsync($"api/sites/beds/{bed}/alerts")).RootElement;
            return open.EnumerateArray().Where(a => a.GetProperty("cause").GetString() == "VitalsOutOfRange").Select(a => a.GetRawText()).FirstOrDefault();
        }, TimeSpan.FromSeconds(15), "the personal-limit alarm");
        Assert.Contains("usual", JsonDocument.Parse(alarm).RootElement.GetProperty("reason").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ABedWithoutNightsIsWarmingUpAndABadNightIsRefused()
    {
        using var api = new CareIoTApi(host.Server.BaseAddress);
        var (bed, _) = await api.RegisterBedWithMattressAsync();

        var care = JsonDocument.Parse(await api.Http.GetStringAsync($"api/sites/beds/{bed}/care")).RootElement.GetProperty("care");

        Assert.Equal(JsonValueKind.Null, care.GetProperty("baseline").ValueKind);
        Assert.False(care.GetProperty("limitsNow").GetProperty("personal").GetBoolean());
        Assert.Equal(HttpStatusCode.BadRequest, (await api.Http.GetAsync("api/reports/nights?night=yesterday")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await api.Http.GetAsync($"api/sites/beds/no-{Guid.NewGuid():N}/care")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await api.Http.PutAsJsonAsync($"api/sites/beds/{bed}/resident", new { since = DateTimeOffset.UtcNow.AddDays(1) })).StatusCode);
        (await api.Http.PutAsJsonAsync($"api/sites/beds/{bed}/resident", new { since = (DateTimeOffset?)null })).EnsureSuccessStatusCode();
    }
}
