using CareIoT.Reports;

namespace CareIoT.Telemetry;

/// <summary>
/// Reads the stored transitions and heartbeat counts of the scope's devices from InfluxDB: state at
/// the period's start (last transition before it), transitions inside it, heartbeats per device.
/// </summary>
public sealed class InfluxDeviceHistory(InfluxQueryClient influx) : IDeviceFactsSource
{
    public async Task<IReadOnlyDictionary<string, DeviceFacts>> ReadAsync(
        IReadOnlyCollection<string> deviceIds, bool everyDevice, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        // Device ids come from URLs too: each is matched literally (regex-escaped, and '/' ends an InfluxQL regex).
        var filter = everyDevice || deviceIds.Count == 0 ? ""
            : $" AND \"device\" =~ /^(?:{string.Join('|', deviceIds.Select(d => System.Text.RegularExpressions.Regex.Escape(d).Replace("/", "\\/", StringComparison.Ordinal)))})$/";
        var (f, t) = (LineProtocol.ToUnixNanoseconds(from), LineProtocol.ToUnixNanoseconds(to));
        var before = await influx.QuerySeriesAsync($"SELECT last(\"online\") FROM \"device_state\" WHERE time < {f}{filter} GROUP BY \"device\"", cancellationToken);
        var inside = await influx.QuerySeriesAsync($"SELECT \"online\", \"cause\" FROM \"device_state\" WHERE time >= {f} AND time < {t}{filter} GROUP BY \"device\"", cancellationToken);
        var beats = await influx.QuerySeriesAsync($"SELECT count(\"n\") FROM \"heartbeat\" WHERE time >= {f} AND time < {t}{filter} GROUP BY \"device\"", cancellationToken);

        var start = before.ToDictionary(Device, s => Convert.ToInt64(s.Value(0, "last"), System.Globalization.CultureInfo.InvariantCulture) == 1);
        var transitions = inside.ToDictionary(Device, s => (IReadOnlyList<DeviceTransition>)[.. Enumerable.Range(0, s.Values.Count).Select(row =>
            new DeviceTransition(s.Time(row), Convert.ToInt64(s.Value(row, "online"), System.Globalization.CultureInfo.InvariantCulture) == 1, s.Value(row, "cause") as string ?? "?"))]);
        var heartbeats = beats.ToDictionary(Device, s => Convert.ToInt32(s.Value(0, "count"), System.Globalization.CultureInfo.InvariantCulture));
        return start.Keys.Union(transitions.Keys).Union(heartbeats.Keys).ToDictionary(
            d => d,
            d => new DeviceFacts(start.TryGetValue(d, out var online) ? online : null, transitions.GetValueOrDefault(d) ?? [], heartbeats.GetValueOrDefault(d)));
    }

    private static string Device(InfluxSeries series) => series.Tags.GetValueOrDefault("device") ?? "";
}
