namespace CareIoT.Telemetry;

/// <summary>A bed's heart rate and respiration over the last hours, as 5-minute means (1-minute for 6 h or less).</summary>
public sealed class VitalsHistory(InfluxQueryClient influx)
{
    public async Task<IReadOnlyList<VitalsPoint>> ReadAsync(string bedId, int hours, CancellationToken cancellationToken)
    {
        var bucket = hours <= 6 ? "1m" : "5m";
        var series = await influx.QuerySeriesAsync(
            $"SELECT mean(\"heart_rate\") AS hr, mean(\"respiration\") AS rr FROM \"vitals\" WHERE \"site_kind\" = 'Bed' AND \"site\" = {InfluxQl.String(bedId)} " +
            $"AND time > now() - {hours}h GROUP BY time({bucket}) fill(none)", cancellationToken);
        return [.. series.SelectMany(s => Enumerable.Range(0, s.Values.Count).Select(row =>
            new VitalsPoint(s.Time(row), Number(s.Value(row, "hr")), Number(s.Value(row, "rr")))))];
    }

    private static double? Number(object? value) => value is null ? null : Convert.ToDouble(value, System.Globalization.CultureInfo.InvariantCulture);
}
