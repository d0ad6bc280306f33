using System.Net;
using System.Net.Http.Json;
using CareIoT.DeviceProtocol;
using Xunit.Abstractions;

namespace CareIoT.IntegrationTests;

/// <summary>
/// A home's uptime report from real transitions: a call button's connection drops (its last will
/// goes through the broker, raising a DeviceOffline alert), it comes back, it is pressed and the press is answered; the report read
/// back from InfluxDB and the journal shows exactly that.
/// </summary>
[Collection(CareIoTHostCollection.Name)]
public sealed class UptimeReportTests(CareIoTHostFixture host, ITestOutputHelper output)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task ReportShowsTheOutageTheHeartbeatsAndTheAnsweredPressOfAHome()
    {
        using var admin = new CareIoTApi(host.Server.BaseAddress);
        using var inspector = await admin.AsNewUserAsync($"insp-{Guid.NewGuid():N}"[..16], "inspector");
        var (household, device) = await admin.RegisterHouseholdWithCallButtonAsync();
        var from = DateTimeOffset.UtcNow.AddMinutes(-1);

        var button = await host.ConnectDeviceAsync(device, withLastWill: true);
        await button.SendAsync(device, MessageTypes.Heartbeat, fill: p => p with { Battery = 88 });
        Assert.True(await Eventually.TrueAsync(async () => (await admin.DeviceHealthAsync(device)).BatteryPercent == 88, Patience));
        button.Abort();
        Assert.True(await Eventually.TrueAsync(async () => !(await admin.DeviceHealthAsync(device)).Online, Patience));
        await using (var back = await host.ConnectDeviceAsync(device))
        {
            await back.SendAsync(device, MessageTypes.Heartbeat);
            await back.PressAsync(device);
        }

        var press = await Eventually.ValueAsync(async () => (await admin.HouseholdAlertsAsync(household)).FirstOrDefault(a => a.Cause == "PersonalEmergency"), Patience, "press");
        (await admin.AcknowledgeAsync(press.AlertId)).EnsureSuccessStatusCode();
        var query = $"scope=household&id={household}&from={Uri.EscapeDataString(from.ToString("O"))}&to={Uri.EscapeDataString(DateTimeOffset.UtcNow.AddMinutes(1).ToString("O"))}";

        var report = await Eventually.ValueAsync(async () =>
        {
            var r = await inspector.Http.GetFromJsonAsync<UptimeReportDto>($"api/reports/uptime?{query}", Json.Web);
            return r!.Outages.Length == 1 && r.Outages[0].End is not null && r.Devices.Single().HeartbeatsReceived == 2 ? r : null;
        }, Patience, "the outage and both heartbeats in the report");

        output.WriteLine($"availability {report.Availability.AvailabilityPercent:F3} %, outage {report.Outages[0].Duration}, answered {report.AnswerTimes.MedianAcknowledgeSeconds:F1} s");
        var outage = report.Outages[0];
        Assert.Equal((device, "Offline"), (outage.DeviceId, outage.Cause));
        Assert.True(outage.Duration > TimeSpan.Zero && outage.Duration < Patience);
        Assert.True(report.Availability.AvailabilityPercent is > 0 and < 100);
        Assert.Equal(TimeSpan.FromSeconds(0), report.Availability.Observed - report.Devices.Single().Observed);
        // Two alerts in the period: the drop (DeviceOffline, left unanswered) and the press (answered at once).
        Assert.Equal((1, 1), (report.AlertsByCause["PersonalEmergency"], report.AlertsByCause["DeviceOffline"]));
        Assert.Equal((2, 1, 50.0), (report.AnswerTimes.Raised, report.AnswerTimes.Acknowledged, report.AnswerTimes.Within60sPercent));

        var csv = await inspector.Http.GetAsync($"api/reports/uptime.csv?{query}");
        Assert.Equal("text/csv", csv.Content.Headers.ContentType!.MediaType);
        Assert.Contains($"{device},", await csv.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task OnlyAnInspectorGetsReportsAndABadPeriodIsRefused()
    {
        using var admin = new CareIoTApi(host.Server.BaseAddress);
        using var dispatcher = await admin.AsNewUserAsync($"disp-{Guid.NewGuid():N}"[..16], "dispatcher");
        using var inspector = await admin.AsNewUserAsync($"insp-{Guid.NewGuid():N}"[..16], "inspector");

        Assert.Equal(HttpStatusCode.Forbidden, (await dispatcher.Http.GetAsync("api/reports/uptime?period=month&month=2026-11")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await admin.Http.GetAsync("api/reports/uptime?period=month&month=2026-11")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await inspector.Http.GetAsync("api/reports/uptime?period=month&month=2026-11")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await inspector.Http.GetAsync("api/reports/uptime?period=month&month=2026-13")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await inspector.Http.GetAsync("api/reports/uptime?scope=facility&period=day&date=2026-11-23")).StatusCode);
    }
}

public sealed record OutageDto(string DeviceId, DateTimeOffset Start, DateTimeOffset? End, TimeSpan Duration, string Cause);

public sealed record DeviceAvailabilityDto(string DeviceId, string Kind, string SiteId, TimeSpan Observed, TimeSpan Offline, double AvailabilityPercent, int Outages, int HeartbeatsExpected, int HeartbeatsReceived);

public sealed record AvailabilityRollupDto(int Devices, TimeSpan Observed, TimeSpan Offline, double AvailabilityPercent, int Outages, int OngoingOutages);

public sealed record AnswerTimesDto(int Raised, int Acknowledged, double Within60sPercent, double Within180sPercent, double? MedianAcknowledgeSeconds);

public sealed record UptimeReportDto(
    AvailabilityRollupDto Availability, DeviceAvailabilityDto[] Devices, OutageDto[] Outages, Dictionary<string, int> AlertsByCause, AnswerTimesDto AnswerTimes);
