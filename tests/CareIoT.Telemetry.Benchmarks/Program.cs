using System.Globalization;
using System.Text.Json;
using CareIoT.Telemetry.Benchmarks;

// dotnet run -c Release --project tests/CareIoT.Telemetry.Benchmarks -- [--url URL] [--points N] [--batch N]
// The URL: --url, else $CAREIOT_INFLUX_URL, else Influx.Url from $CAREIOT_STATE/runtime.json (deploy/services.sh start influxdb).
string? Option(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
int Number(string name, int fallback) => Option(name) is { } text ? int.Parse(text, CultureInfo.InvariantCulture) : fallback;

var url = Option("--url") ?? Environment.GetEnvironmentVariable("CAREIOT_INFLUX_URL") ?? UrlFromRuntimeJson();
if (url is null)
{
    Console.Error.WriteLine("No InfluxDB URL: pass --url, set CAREIOT_INFLUX_URL, or set CAREIOT_STATE to a folder with runtime.json.");
    return 2;
}

var count = Number("--points", 1_000_000);
var batch = Number("--batch", 5000);
Console.WriteLine($"InfluxDB write benchmark: {count:N0} points in batches of {batch} to {url}; {Environment.ProcessorCount} cores, .NET {Environment.Version}");

// Formatting alone, in this process: ours against the reference client's PointData on the same points.
var wards = Enumerable.Range(0, 1000).Select(b => new Dictionary<string, string> { ["bed"] = $"B{b:D4}", ["ward"] = $"病区 {b % 20}" }).ToArray();
var reference = FormatBenchmark.Reference(count, wards);
var ours = FormatBenchmark.Ours(count, wards);
Console.WriteLine($"Format, ours (LinePoint + LineProtocol):     {ours.PerSecond,12:N0} points/s, {ours.BytesPerPoint,6:N0} bytes allocated per point");
Console.WriteLine($"Format, InfluxDB.Client 5.1.0 PointData:    {reference.PerSecond,12:N0} points/s, {reference.BytesPerPoint,6:N0} bytes allocated per point");
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"BENCH format_ours_points_s={ours.PerSecond:F0} format_pointdata_points_s={reference.PerSecond:F0} ratio={ours.PerSecond / reference.PerSecond:F2} alloc_ours_b={ours.BytesPerPoint:F0} alloc_pointdata_b={reference.BytesPerPoint:F0}"));

using var http = new HttpClient { Timeout = Timeout.InfiniteTimeSpan };
var bench = new WriteBenchmark(http, url, batch);
var points = BenchPoints.Make(count);
var lines = FloorWriter.Format(points, batch);

// Warm-up: JIT, connections, and influxd's first shard for each database.
await bench.WriterAsync(points[..Math.Min(count, 50_000)]);
await bench.FloorAsync(lines[..Math.Min(lines.Length, 10)]);

var writer = await bench.WriterAsync(points);
var floor = await bench.FloorAsync(lines);
var ratio = writer / floor;
Console.WriteLine($"InfluxLineWriter (format + gzip + send):  {writer,12:N0} points/s");
Console.WriteLine($"Floor (pre-formatted raw POSTs):          {floor,12:N0} points/s");
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"BENCH influx_write_points_s={writer:F0} influx_floor_points_s={floor:F0} ratio={ratio:F2}"));
return 0;

static string? UrlFromRuntimeJson()
{
    var state = Environment.GetEnvironmentVariable("CAREIOT_STATE");
    var path = state is null ? null : Path.Combine(state, "runtime.json");
    if (path is null || !File.Exists(path))
    {
        return null;
    }

    using var json = JsonDocument.Parse(File.ReadAllText(path));
    return json.RootElement.GetProperty("Influx").GetProperty("Url").GetString();
}
