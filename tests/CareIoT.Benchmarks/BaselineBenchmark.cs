using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using CareIoT.Baselines;
using CareIoT.Baselines.Synthetic;
using CareIoT.Contracts;
using Microsoft.AspNetCore.SignalR.Client;

namespace CareIoT.Benchmarks;

/// <summary>
/// The morning's baseline job at city scale, on the real server: N beds (5,000) with 14 nights of 1-minute mattress
/// data in InfluxDB learn their residents' baselines (the job grain, 4 beds at a time: a night read from InfluxDB,
/// its profile and summary into PostgreSQL, the baseline from the 14 profiles). Press → console latency is measured
/// with 1,000 presses before the job (the baseline of the ratio) and with 1,000 presses while it runs.
/// </summary>
public static class BaselineBenchmark
{
    private const int Presses = 1_000;
    private const double PressesPerSecond = 50;

    public static async Task RunAsync(int beds, int nights)
    {
        var services = new BenchServices();
        var run = Guid.NewGuid().ToString("N")[..6];
        var buttons = Enumerable.Range(0, 2 * Presses).Select(i => $"bl{run}-{i:D4}").ToList();
        var credentials = services.IssueCredentials(buttons);
        try
        {
            await using var server = await BenchServer.StartAsync(services, run);
            var clock = Stopwatch.StartNew();
            var bedIds = Enumerable.Range(0, beds).Select(i => $"bb{run}-{i:D5}").ToList();
            await Parallel.ForEachAsync(bedIds, new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (b, ct) =>
                (await server.Http.PutAsJsonAsync($"api/registry/beds/{b}", new { room = "1", label = b }, ct)).EnsureSuccessStatusCode());
            await Parallel.ForEachAsync(buttons, new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (b, ct) =>
            {
                (await server.Http.PutAsJsonAsync($"api/registry/households/hh-{b}", new { elderName = "基准", address = run }, ct)).EnsureSuccessStatusCode();
                (await server.Http.PutAsJsonAsync($"api/registry/devices/{b}", new { kind = "CallButton", householdId = $"hh-{b}" }, ct)).EnsureSuccessStatusCode();
            });
            Console.WriteLine($"  registered {beds:N0} beds and {buttons.Count:N0} call buttons in {clock.Elapsed.TotalSeconds:F0} s");

            var (points, writeSeconds) = await WriteNightsAsync(services.InfluxUrl, $"bench_{run}", bedIds, nights);
            Console.WriteLine($"  wrote {nights} nights × {beds:N0} beds = {points:N0} one-minute points to InfluxDB in {writeSeconds:F0} s ({points / writeSeconds:N0} points/s)");

            var seen = new ConcurrentDictionary<string, long>();
            await using var console = new HubConnectionBuilder().WithUrl(new Uri(server.Address, "hubs/dispatch"), o => o.Cookies = server.Cookies).Build();
            console.On<AlertSeen, long>("AlertChanged", (a, _) => seen.TryAdd(a.DeviceId, Stopwatch.GetTimestamp()));
            await console.StartAsync();
            await using var idle = new Presses(buttons.Take(Presses).ToDictionary(b => b, b => credentials[b]));
            await using var busy = new Presses(buttons.Skip(Presses).ToDictionary(b => b, b => credentials[b]));
            await idle.ConnectAsync();
            await busy.ConnectAsync();
            await idle.HeartbeatAsync();
            await busy.HeartbeatAsync();
            await Task.Delay(TimeSpan.FromSeconds(5)); // every button heard once: its twin is active

            var before = await LatencyAsync(idle, seen);
            Console.WriteLine($"{"press→console, no job running",-52} p50 {before.P50,7:F1} ms  p99 {before.P99,7:F1} ms  max {before.Max,7:F1} ms  (n = {before.Count:N0})");

            var cpu = server.CpuTime();
            var job = Stopwatch.StartNew();
            (await server.Http.PostAsync("api/admin/baselines/run", null)).EnsureSuccessStatusCode();
            var during = await LatencyAsync(busy, seen);
            var stillRunning = (await server.Http.GetFromJsonAsync<RunDto>("api/admin/baselines/run"))!.EndedAt is null;
            Console.WriteLine($"{"press→console, baseline job running",-52} p50 {during.P50,7:F1} ms  p99 {during.P99,7:F1} ms  max {during.Max,7:F1} ms  (n = {during.Count:N0}){(stillRunning ? "" : "  WARNING: the job ended before the presses did")}");
            Console.WriteLine($"{"  ratio p99 running / not running",-52} {during.P99 / before.P99,7:F2}");

            RunDto? done = null;
            while (done?.EndedAt is null && job.Elapsed < TimeSpan.FromHours(2))
            {
                await Task.Delay(TimeSpan.FromSeconds(2));
                done = await server.Http.GetFromJsonAsync<RunDto>("api/admin/baselines/run");
            }

            var serverCpu = (server.CpuTime() - cpu).TotalSeconds;
            var learned = await CountBaselinesAsync(server, bedIds);
            Console.WriteLine($"{"baseline job: beds / nights learned / failed",-52} {done!.Beds,7:N0} / {done.NightsLearned:N0} / {done.Failed:N0}");
            Console.WriteLine($"{"baseline job: wall time",-52} {job.Elapsed.TotalSeconds,7:F0} s  ({done.Beds / job.Elapsed.TotalSeconds:F1} beds/s, " +
                $"{done.NightsLearned / job.Elapsed.TotalSeconds:F0} nights/s; server CPU {serverCpu:F0} s)");
            Console.WriteLine($"{"beds with a baseline afterwards (sample of 200)",-52} {learned,7} of {Math.Min(200, beds)}");
        }
        finally
        {
            services.RevokeCredentials(buttons);
            using var http = new HttpClient { BaseAddress = new Uri(services.InfluxUrl) };
            await http.PostAsync("query", new FormUrlEncodedContent(new Dictionary<string, string> { ["q"] = $"DROP DATABASE \"bench_{run}\"" }));
        }
    }

    private static async Task<(long Points, double Seconds)> WriteNightsAsync(string influx, string database, List<string> beds, int nights)
    {
        using var http = new HttpClient { BaseAddress = new Uri(influx), Timeout = TimeSpan.FromMinutes(5) };
        (await http.PostAsync("query", new FormUrlEncodedContent(new Dictionary<string, string> { ["q"] = $"CREATE DATABASE \"{database}\"" }))).EnsureSuccessStatusCode();
        var thresholds = new BedThresholds();
        var last = NightClock.Of(thresholds).LastEnded(DateTimeOffset.UtcNow);
        long points = 0;
        var clock = Stopwatch.StartNew();
        await Parallel.ForEachAsync(beds.Select((b, i) => (b, i)), new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (bed, ct) =>
        {
            var resident = new SyntheticResident(bed.b, 50 + bed.i % 50, 12 + bed.i % 8, bed.i);
            var lines = new StringBuilder(nights * 480 * 110);
            foreach (var s in resident.Nights(last.AddDays(1 - nights), nights, thresholds))
            {
                lines.Append(CultureInfo.InvariantCulture, $"vitals,kind=Mattress,site_kind=Bed,site={bed.b} ");
                lines.Append(s.Present
                    ? string.Create(CultureInfo.InvariantCulture, $"heart_rate={Math.Round(s.HeartRate ?? 0)}i,respiration={Math.Round(s.Respiration ?? 0)}i,movement={s.Movement ?? 0}i,presence=true")
                    : "presence=false");
                lines.Append(CultureInfo.InvariantCulture, $" {s.At.ToUnixTimeSeconds()}\n");
                Interlocked.Increment(ref points);
            }

            using var response = await http.PostAsync($"write?db={database}&precision=s", new StringContent(lines.ToString()), ct);
            response.EnsureSuccessStatusCode();
        });
        return (points, clock.Elapsed.TotalSeconds);
    }

    private static async Task<Percentiles> LatencyAsync(Presses presses, ConcurrentDictionary<string, long> seen)
    {
        var pressedAt = await presses.PressAsync(PressesPerSecond);
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (pressedAt.Keys.Count(seen.ContainsKey) < presses.Count && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }

        var latencies = pressedAt.Where(p => seen.ContainsKey(p.Key)).Select(p => Stopwatch.GetElapsedTime(p.Value, seen[p.Key]).TotalMilliseconds).ToList();
        if (latencies.Count < presses.Count)
        {
            Console.WriteLine($"WARNING: {presses.Count - latencies.Count} of {presses.Count} presses did not reach the console within 30 s");
        }

        return Percentiles.Of(latencies);
    }

    private static async Task<int> CountBaselinesAsync(BenchServer server, List<string> beds)
    {
        var count = 0;
        foreach (var bed in beds.Take(200))
        {
            var page = await server.Http.GetFromJsonAsync<System.Text.Json.JsonElement>($"api/sites/beds/{bed}/care");
            count += page.GetProperty("care").GetProperty("baseline").ValueKind == System.Text.Json.JsonValueKind.Object ? 1 : 0;
        }

        return count;
    }

    private sealed record AlertSeen(string DeviceId, DateTimeOffset RaisedAt);

    private sealed record RunDto(DateTimeOffset StartedAt, DateTimeOffset? EndedAt, int Beds, int Done, int NightsLearned, int Failed);
}
