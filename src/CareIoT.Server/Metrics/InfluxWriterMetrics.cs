using System.Diagnostics.Metrics;
using CareIoT.Telemetry;

namespace CareIoT.Server.Metrics;

/// <summary>The telemetry writer's counters as metrics: points accepted, written, spooled, dropped; the spool's size.</summary>
public sealed class InfluxWriterMetrics : IDisposable
{
    public const string MeterName = "CareIoT.Telemetry";

    private readonly Meter _meter = new(MeterName);

    public InfluxWriterMetrics(InfluxLineWriter writer)
    {
        _meter.CreateObservableCounter("careiot.influx.points", () => Points(writer.Counters), description: "Telemetry points by outcome");
        _meter.CreateObservableCounter("careiot.influx.dead_lettered_lines", () => writer.Counters.LinesDeadLettered, description: "Lines InfluxDB refused (400), kept in the dead-letter file");
        _meter.CreateObservableGauge("careiot.influx.spool.bytes", () => writer.Counters.SpoolBytes, "By", "Bytes waiting in the on-disk spool");
    }

    public void Dispose() => _meter.Dispose();

    private static IEnumerable<Measurement<long>> Points(InfluxWriterCounters c) =>
    [
        new(c.PointsAccepted, new KeyValuePair<string, object?>("outcome", "accepted")),
        new(c.PointsWritten, new KeyValuePair<string, object?>("outcome", "written")),
        new(c.PointsSpooled, new KeyValuePair<string, object?>("outcome", "spooled")),
        new(c.PointsBackfilled, new KeyValuePair<string, object?>("outcome", "backfilled")),
        new(c.PointsDropped, new KeyValuePair<string, object?>("outcome", "dropped")),
    ];
}
