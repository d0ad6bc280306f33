using System.Diagnostics;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CareIoT.Telemetry.Benchmarks;

/// <summary>Times one run into a fresh database, checks every point arrived, drops the database.</summary>
internal sealed class WriteBenchmark(HttpClient http, string url, int batch)
{
    public async Task<double> WriterAsync(LinePoint[] points)
    {
        return await InFreshDatabaseAsync(points.Length, async options =>
        {
            var clock = Stopwatch.StartNew();
            await using (var writer = new InfluxLineWriter(http, Options.Create(options), TimeProvider.System, NullLogger<InfluxLineWriter>.Instance))
            {
                foreach (var point in points)
                {
                    writer.Write(point);
                }

                await writer.FlushAsync();
                if (writer.Counters.PointsWritten != points.Length)
                {
                    throw new InvalidOperationException($"The writer stored {writer.Counters} of {points.Length} points.");
                }
            }

            return clock.Elapsed;
        });
    }

    public async Task<double> FloorAsync(byte[][] bodies)
    {
        var count = bodies.Sum(b => b.Count(c => c == (byte)'\n'));
        return await InFreshDatabaseAsync(count, async options =>
        {
            var write = new Uri($"{url.TrimEnd('/')}/write?db={options.Database}&precision=ns");
            var clock = Stopwatch.StartNew();
            await FloorWriter.PostAsync(http, write, bodies);
            return clock.Elapsed;
        });
    }

    private async Task<double> InFreshDatabaseAsync(int count, Func<InfluxOptions, Task<TimeSpan>> run)
    {
        var options = new InfluxOptions
        {
            Url = url,
            Database = "bench_" + Guid.NewGuid().ToString("N"),
            BatchSize = batch,
            SpoolDirectory = Path.Combine(Path.GetTempPath(), "careiot-telemetry-bench", Guid.NewGuid().ToString("N")),
        };
        var query = new InfluxQueryClient(http, Options.Create(options));
        await query.CreateDatabaseAsync(options.Database);
        try
        {
            var elapsed = await run(options);
            var stored = await query.QuerySeriesAsync("SELECT count(hr) FROM vitals");
            var counted = Convert.ToInt64(stored[0].Values[0][1], System.Globalization.CultureInfo.InvariantCulture);
            if (counted != count)
            {
                throw new InvalidOperationException($"InfluxDB holds {counted} of {count} points.");
            }

            return count / elapsed.TotalSeconds;
        }
        finally
        {
            await query.DropDatabaseAsync(options.Database);
            if (Directory.Exists(options.SpoolDirectory))
            {
                Directory.Delete(options.SpoolDirectory, recursive: true);
            }
        }
    }
}
