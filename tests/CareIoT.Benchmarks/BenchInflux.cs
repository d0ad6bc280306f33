using System.Diagnostics;
using System.Text.Json;

namespace CareIoT.Benchmarks;

/// <summary>The benchmark server's InfluxDB database (<c>bench_{run}</c>): waiting for points to be stored, and dropping it after the run.</summary>
public sealed class BenchInflux(BenchServices services, string run) : IDisposable
{
    private readonly HttpClient _http = new() { BaseAddress = new Uri(services.InfluxUrl) };

    public string Database { get; } = $"bench_{run}";

    /// <summary>Waits (up to 10 minutes) until <paramref name="measurement"/> has at least <paramref name="points"/> values of <paramref name="field"/>; returns how many it has.</summary>
    public async Task<long> WaitForAsync(string measurement, string field, long points)
    {
        var clock = Stopwatch.StartNew();
        long stored = 0;
        while (clock.Elapsed < TimeSpan.FromMinutes(10))
        {
            var answer = await _http.GetStringAsync($"query?db={Database}&q={Uri.EscapeDataString($"SELECT count(\"{field}\") FROM \"{measurement}\"")}");
            var result = JsonDocument.Parse(answer).RootElement.GetProperty("results")[0];
            stored = result.TryGetProperty("series", out var series) ? series[0].GetProperty("values")[0][1].GetInt64() : 0;
            if (stored >= points)
            {
                break;
            }

            await Task.Delay(1000);
        }

        Console.WriteLine($"  InfluxDB has {stored:N0} of {points:N0} {measurement} points ({clock.Elapsed.TotalSeconds:F0} s of waiting)");
        return stored;
    }

    /// <summary>Drops the run's database: runs would otherwise pile up series in influxd's memory.</summary>
    public async Task DropAsync()
    {
        using var drop = new FormUrlEncodedContent([new("q", $"DROP DATABASE \"{Database}\"")]);
        (await _http.PostAsync("query", drop)).EnsureSuccessStatusCode();
    }

    public void Dispose() => _http.Dispose();
}
