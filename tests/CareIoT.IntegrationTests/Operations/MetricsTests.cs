using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace CareIoT.IntegrationTests;

/// <summary>
/// Metrics for whoever keeps the centre running: /metrics behind its own token (no platform account reaches it),
/// a press counted as Prometheus — the real one the scripts start — scrapes it, and alert rules that promtool
/// accepts and that name only metrics the server has.
/// </summary>
[Collection(CareIoTHostCollection.Name)]
public sealed partial class MetricsTests(CareIoTHostFixture host)
{
    private static string Token => File.ReadAllText(Path.Combine(TestPaths.StateDirectory, "secrets", "metrics-token")).Trim();

    [Fact]
    public async Task TheMetricsEndpointWantsItsTokenAndNoPlatformAccountReachesIt()
    {
        using var anonymous = new HttpClient { BaseAddress = host.Server.BaseAddress };
        using var admin = new CareIoTApi(host.Server.BaseAddress);
        using var wrong = new HttpRequestMessage(HttpMethod.Get, "metrics") { Headers = { Authorization = new AuthenticationHeaderValue("Bearer", "not-the-token") } };
        using var right = new HttpRequestMessage(HttpMethod.Get, "metrics") { Headers = { Authorization = new AuthenticationHeaderValue("Bearer", Token) } };

        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("metrics")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.SendAsync(wrong)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await admin.Http.GetAsync("metrics")).StatusCode); // a signed-in admin's cookie is not the token
        var scraped = await anonymous.SendAsync(right);
        Assert.Equal(HttpStatusCode.OK, scraped.StatusCode);
        Assert.Contains("careiot_ingest_received_total", await scraped.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task APressMovesTheCountersAsTheRealPrometheusScrapesThem()
    {
        using var api = new CareIoTApi(host.Server.BaseAddress);
        var instance = $"127.0.0.1:{host.Server.BaseAddress.Port}";
        Services("targets", instance);
        using var prometheus = new HttpClient { BaseAddress = new Uri(host.Services.PrometheusUrl) };
        var query = $"sum(careiot_alerts_raised_total{{instance=\"{instance}\",cause=\"PersonalEmergency\"}})";
        var before = await Eventually.ValueAsync(async () => await ValueAsync(prometheus, $"sum(up{{instance=\"{instance}\"}})") is 1 ? "up" : null,
            TimeSpan.FromSeconds(30), "Prometheus scraping the test host");
        Assert.Equal("up", before);
        var raisedBefore = await ValueAsync(prometheus, query) ?? 0;

        var (_, button) = await api.RegisterHouseholdWithCallButtonAsync();
        await using (var device = await host.ConnectDeviceAsync(button))
        {
            await device.PressAsync(button);
        }

        var raisedAfter = await Eventually.ValueAsync(async () => await ValueAsync(prometheus, query) is { } v && v > raisedBefore ? (object)v : null,
            TimeSpan.FromSeconds(30), "the press in Prometheus");
        Assert.True((double)raisedAfter >= raisedBefore + 1);
        // Ingest by lane: the press accepted on the alarm lane as a press, its time from arrival to acknowledgement
        // measured there, and the lane's backlog reported.
        var lane = $"instance=\"{instance}\",lane=\"alarms\"";
        Assert.True(await Eventually.TrueAsync(async () => await ValueAsync(prometheus, $"sum(careiot_ingest_accepted_total{{{lane},kind=\"Press\"}})") >= 1,
            TimeSpan.FromSeconds(30)), "the press accepted on the alarm lane");
        Assert.True(await Eventually.TrueAsync(async () => await ValueAsync(prometheus, $"sum(careiot_ingest_processing_duration_milliseconds_count{{{lane}}})") >= 1,
            TimeSpan.FromSeconds(30)), "the press's processing time on the alarm lane");
        Assert.InRange(await ValueAsync(prometheus, $"sum(careiot_ingest_backlog{{{lane}}})") ?? -1, 0, 256 * 8); // exported; every host hears every test's devices, so not asserted empty
        Assert.Equal(1, await ValueAsync(prometheus, $"min(careiot_dc09_listening{{instance=\"{instance}\",transport=\"tcp\"}})"));
    }

    [Fact]
    public async Task TheAlertRulesPassPromtoolAndTheyAndTheDashboardNameOnlyMetricsTheServerHas()
    {
        var rules = Path.Combine(TestPaths.RepositoryRoot, "deploy", "prometheus", "careiot-rules.yml");
        var check = Process.Start(new ProcessStartInfo("promtool", ["check", "rules", rules]) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        var output = await check.StandardOutput.ReadToEndAsync() + await check.StandardError.ReadToEndAsync();
        await check.WaitForExitAsync();
        Assert.True(check.ExitCode == 0, output);
        Assert.Contains("SUCCESS: 9 rules found", output, StringComparison.Ordinal);

        // Every careiot_* series they use is an instrument of the server's code (as Prometheus names it).
        var dashboard = await File.ReadAllTextAsync(Path.Combine(TestPaths.RepositoryRoot, "deploy", "grafana", "careiot-dashboard.json"));
        var used = MetricName().Matches(await File.ReadAllTextAsync(rules) + dashboard).Select(m => m.Value).ToHashSet();
        var source = string.Join('\n', Directory.EnumerateFiles(Path.Combine(TestPaths.RepositoryRoot, "src"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains("/obj/", StringComparison.Ordinal) && !f.Contains("/bin/", StringComparison.Ordinal)).Select(File.ReadAllText));
        Assert.True(used.Count >= 10, string.Join(", ", used));
        foreach (var name in used)
        {
            var instrument = Regex.Replace(name, "_(total|bucket|sum|count|seconds|milliseconds)$", "");
            instrument = Regex.Replace(instrument, "_(seconds|milliseconds)$", "");
            var dotted = instrument.Replace('_', '.');
            Assert.True(source.Contains($"\"{dotted}\"", StringComparison.Ordinal) || source.Contains($"\"{ToDots(instrument)}\"", StringComparison.Ordinal),
                $"{name} (instrument {dotted}) is used by the rules or the dashboard but no instrument of the server has that name");
        }
    }

    private static string ToDots(string instrument)
    {
        // careiot_alerts_time_to_acknowledge → careiot.alerts.time_to_acknowledge: the first two parts are the meter's.
        var parts = instrument.Split('_', 3);
        return parts.Length < 3 ? instrument : $"{parts[0]}.{parts[1]}.{parts[2]}";
    }

    private static async Task<double?> ValueAsync(HttpClient prometheus, string query)
    {
        var answer = JsonDocument.Parse(await prometheus.GetStringAsync($"api/v1/query?query={Uri.EscapeDataString(query)}")).RootElement;
        var result = answer.GetProperty("data").GetProperty("result");
        return result.GetArrayLength() == 0 ? null
            : double.Parse(result[0].GetProperty("value")[1].GetString()!, System.Globalization.CultureInfo.InvariantCulture);
    }

    private static void Services(params string[] args)
    {
        var script = Process.Start(new ProcessStartInfo("bash", [Path.Combine(TestPaths.RepositoryRoot, "deploy", "services.sh"), .. args])
        {
            RedirectStandardError = true, Environment = { ["CAREIOT_STATE"] = TestPaths.StateDirectory },
        })!;
        script.WaitForExit();
        Assert.True(script.ExitCode == 0, script.StandardError.ReadToEnd());
    }

    [GeneratedRegex(@"careiot_[a-z0-9_]+")]
    private static partial Regex MetricName();
}
