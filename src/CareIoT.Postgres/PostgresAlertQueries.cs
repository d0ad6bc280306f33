using CareIoT.Stores;
using CareIoT.Contracts;
using Npgsql;

namespace CareIoT.Postgres;

/// <summary>Read-side queries over the journal: alert lists for the console and inspectors, and response times.</summary>
public sealed class PostgresAlertQueries(NpgsqlDataSource dataSource) : IAlertQueries
{
    private const string Closing = "'Resolved', 'FalseAlarm', 'CancelledByResident'";

    public async Task<IReadOnlyList<AlertSnapshot>> ListAsync(
        bool? open, DateTimeOffset from, DateTimeOffset to, int limit, CancellationToken cancellationToken)
    {
        var status = open switch
        {
            true => "AND status IN ('Raised', 'Acknowledged', 'Dispatched')",
            false => $"AND status IN ({Closing})",
            null => "",
        };
        await using var command = dataSource.CreateCommand($"""
            SELECT {AlertRows.Columns} FROM alerts
            WHERE raised_at >= @from AND raised_at < @to {status}
            ORDER BY raised_at DESC LIMIT @limit
            """);
        command.Parameters.AddWithValue("from", from.ToUniversalTime());
        command.Parameters.AddWithValue("to", to.ToUniversalTime());
        command.Parameters.AddWithValue("limit", Math.Clamp(limit, 1, 5000));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var alerts = new List<AlertSnapshot>();
        while (await reader.ReadAsync(cancellationToken))
        {
            alerts.Add(AlertRows.Read(reader));
        }

        return alerts;
    }

    /// <summary>Open alerts by priority name (for the metrics; uses the open-alerts index).</summary>
    public async Task<IReadOnlyDictionary<string, long>> OpenByPriorityAsync(CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            "SELECT priority, count(*) FROM alerts WHERE status IN ('Raised', 'Acknowledged', 'Dispatched') GROUP BY priority");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var counts = Enum.GetNames<AlertPriority>().ToDictionary(p => p, _ => 0L);
        while (await reader.ReadAsync(cancellationToken))
        {
            counts[((AlertPriority)reader.GetInt16(0)).ToString()] = reader.GetInt64(1);
        }

        return counts;
    }

    /// <summary>The alerts of one site raised in the period, newest first (at most 500).</summary>
    public async Task<IReadOnlyList<AlertSnapshot>> ForSiteAsync(SiteRef site, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand($"""
            SELECT {AlertRows.Columns} FROM alerts
            WHERE site_kind = @kind AND site_id = @id AND raised_at >= @from AND raised_at < @to
            ORDER BY raised_at DESC LIMIT 500
            """);
        command.Parameters.AddWithValue("kind", site.Kind.ToString());
        command.Parameters.AddWithValue("id", site.Id);
        command.Parameters.AddWithValue("from", from.ToUniversalTime());
        command.Parameters.AddWithValue("to", to.ToUniversalTime());
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var alerts = new List<AlertSnapshot>();
        while (await reader.ReadAsync(cancellationToken))
        {
            alerts.Add(AlertRows.Read(reader));
        }

        return alerts;
    }

    public async Task<ResponseTimes> ResponseTimesAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand($"""
            WITH raised AS (
                SELECT e.alert_id, min(e.at) AS raised_at FROM alert_events e
                WHERE e.kind = 'Raised' GROUP BY e.alert_id
                HAVING min(e.at) >= @from AND min(e.at) < @to),
            timed AS (
                SELECT r.alert_id,
                    extract(epoch FROM (SELECT min(a.at) FROM alert_events a WHERE a.alert_id = r.alert_id AND a.kind = 'Acknowledged') - r.raised_at) AS tta,
                    extract(epoch FROM (SELECT min(c.at) FROM alert_events c WHERE c.alert_id = r.alert_id AND c.kind IN ({Closing})) - r.raised_at) AS ttr
                FROM raised r)
            SELECT count(*), count(tta),
                percentile_cont(0.5) WITHIN GROUP (ORDER BY tta), percentile_cont(0.9) WITHIN GROUP (ORDER BY tta), max(tta),
                coalesce(avg(CASE WHEN tta <= 60 THEN 1.0 ELSE 0.0 END), 0), coalesce(avg(CASE WHEN tta <= 180 THEN 1.0 ELSE 0.0 END), 0),
                count(ttr), percentile_cont(0.5) WITHIN GROUP (ORDER BY ttr), percentile_cont(0.9) WITHIN GROUP (ORDER BY ttr)
            FROM timed
            """);
        command.Parameters.AddWithValue("from", from.ToUniversalTime());
        command.Parameters.AddWithValue("to", to.ToUniversalTime());
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        double? Nullable(int i) => reader.IsDBNull(i) ? null : Convert.ToDouble(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture);
        return new ResponseTimes(
            from, to, (int)reader.GetInt64(0), (int)reader.GetInt64(1), Nullable(2), Nullable(3), Nullable(4),
            Nullable(5) ?? 0, Nullable(6) ?? 0, (int)reader.GetInt64(7), Nullable(8), Nullable(9));
    }
}
