using System.Globalization;
using CareIoT.Baselines;

namespace CareIoT.Telemetry;

/// <summary>
/// A bed's minute series from the raw <c>vitals</c> measurement: per minute the mean heart rate and respiration,
/// the most movement and the last presence (a minute with vitals but no presence field counts as in bed).
/// </summary>
public sealed class InfluxBedMinutes(InfluxQueryClient influx) : IBedMinuteSeries
{
    public async Task<MinuteSample[]> ReadAsync(string bedId, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        var series = await influx.QuerySeriesAsync(
            "SELECT mean(\"heart_rate\") AS hr, mean(\"respiration\") AS rr, max(\"movement\") AS mv, last(\"presence\") AS p FROM \"vitals\" " +
            $"WHERE \"site_kind\" = 'Bed' AND \"site\" = {InfluxQl.String(bedId)} " +
            $"AND time >= {LineProtocol.ToUnixNanoseconds(from)} AND time < {LineProtocol.ToUnixNanoseconds(to)} GROUP BY time(1m) fill(none)",
            cancellationToken);
        var samples = new List<MinuteSample>();
        foreach (var s in series)
        {
            for (var row = 0; row < s.Values.Count; row++)
            {
                var hr = Number(s.Value(row, "hr"));
                var presence = s.Value(row, "p");
                var present = presence is bool b ? b : presence is null ? hr is not null : Convert.ToBoolean(presence, CultureInfo.InvariantCulture);
                samples.Add(new MinuteSample(s.Time(row), present, hr, Number(s.Value(row, "rr")), Number(s.Value(row, "mv"))));
            }
        }

        return [.. samples];
    }

    private static double? Number(object? value) => value is null ? null : Convert.ToDouble(value, CultureInfo.InvariantCulture);
}
