using System.Diagnostics;
using System.Text;
using InfluxDB.Client.Api.Domain;
using InfluxDB.Client.Writes;

namespace CareIoT.Telemetry.Benchmarks;

/// <summary>
/// Building and formatting the same bed vitals as line protocol, ours (<see cref="LinePoint"/> + <see cref="LineProtocol"/>)
/// against the reference client's (<see cref="PointData"/> of InfluxDB.Client 5.1.0, the one part of it that needs no
/// 2.x server): points per second and bytes allocated per point, each in batches of 5,000 as the writer formats them.
/// </summary>
internal static class FormatBenchmark
{
    private const int Batch = 5000;
    private static readonly DateTimeOffset Start = new(2025, 3, 1, 0, 0, 0, TimeSpan.Zero);

    public static (double PerSecond, double BytesPerPoint) Ours(int count, Dictionary<string, string>[] beds)
    {
        var text = new StringBuilder();
        return Measure(count, i =>
        {
            var point = new LinePoint("vitals", beds[i % beds.Length],
                [new("hr", 60 + (i % 40)), new("temp", 36 + ((i % 17) / 10.0)), new("in_bed", i % 5 != 0)], Start.AddSeconds(i / beds.Length));
            LineProtocol.Append(text, point);
            text.Append('\n');
            if (i % Batch == Batch - 1)
            {
                text.Clear();
            }
        });
    }

    public static (double PerSecond, double BytesPerPoint) Reference(int count, Dictionary<string, string>[] beds)
    {
        var text = new StringBuilder();
        return Measure(count, i =>
        {
            var bed = beds[i % beds.Length];
            var point = PointData.Measurement("vitals").Tag("bed", bed["bed"]).Tag("ward", bed["ward"])
                .Field("hr", (long)(60 + (i % 40))).Field("in_bed", i % 5 != 0).Field("temp", 36 + ((i % 17) / 10.0))
                .Timestamp(LineProtocol.ToUnixNanoseconds(Start.AddSeconds(i / beds.Length)), WritePrecision.Ns);
            text.Append(point.ToLineProtocol()).Append('\n');
            if (i % Batch == Batch - 1)
            {
                text.Clear();
            }
        });
    }

    private static (double PerSecond, double BytesPerPoint) Measure(int count, Action<int> formatOne)
    {
        for (var i = 0; i < Math.Min(count, 50_000); i++)
        {
            formatOne(i); // warm-up: JIT, tiering
        }

        GC.Collect();
        var allocated = GC.GetAllocatedBytesForCurrentThread();
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < count; i++)
        {
            formatOne(i);
        }

        var seconds = clock.Elapsed.TotalSeconds;
        return (count / seconds, (GC.GetAllocatedBytesForCurrentThread() - allocated) / (double)count);
    }
}
