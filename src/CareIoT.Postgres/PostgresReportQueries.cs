using CareIoT.Stores;
using CareIoT.Contracts;
using Npgsql;
using NpgsqlTypes;

namespace CareIoT.Postgres;

/// <summary>
/// What the uptime report reads from PostgreSQL for a scope: <c>device</c>, <c>household</c>,
/// <c>facility</c> (its beds) or <c>district</c> (everything).
/// </summary>
public sealed class PostgresReportQueries(NpgsqlDataSource dataSource) : IReportQueries
{
    private const string Closing = "'Resolved', 'FalseAlarm', 'CancelledByResident'";

    public async Task<IReadOnlyList<ReportDevice>> DevicesAsync(string scope, string? id, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand($"""
            SELECT device_id, kind, household_id, bed_id, created_at, offline_after_seconds FROM devices d
            WHERE {DeviceFilter(scope)} ORDER BY device_id
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)id ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var devices = new List<ReportDevice>();
        while (await reader.ReadAsync(cancellationToken))
        {
            var site = reader.IsDBNull(2) ? new SiteRef(SiteKind.Bed, reader.GetString(3)) : new SiteRef(SiteKind.Household, reader.GetString(2));
            devices.Add(new ReportDevice(reader.GetString(0), Enum.Parse<DeviceKind>(reader.GetString(1)), site, reader.GetFieldValue<DateTimeOffset>(4),
                reader.IsDBNull(5) ? null : TimeSpan.FromSeconds(reader.GetInt32(5))));
        }

        return devices;
    }

    public async Task<IReadOnlyList<ReportAlert>> AlertsAsync(string scope, string? id, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand($"""
            SELECT a.alert_id, a.cause, a.priority, a.raised_at,
                (SELECT min(e.at) FROM alert_events e WHERE e.alert_id = a.alert_id AND e.kind = 'Acknowledged'),
                (SELECT min(e.at) FROM alert_events e WHERE e.alert_id = a.alert_id AND e.kind IN ({Closing}))
            FROM alerts a
            WHERE a.raised_at >= $2 AND a.raised_at < $3 AND a.device_id IN (SELECT d.device_id FROM devices d WHERE {DeviceFilter(scope)})
            ORDER BY a.raised_at
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)id ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter { Value = from.UtcDateTime, NpgsqlDbType = NpgsqlDbType.TimestampTz });
        command.Parameters.Add(new NpgsqlParameter { Value = to.UtcDateTime, NpgsqlDbType = NpgsqlDbType.TimestampTz });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var alerts = new List<ReportAlert>();
        while (await reader.ReadAsync(cancellationToken))
        {
            alerts.Add(new ReportAlert(reader.GetGuid(0), Enum.Parse<AlertCause>(reader.GetString(1)), (AlertPriority)reader.GetInt16(2),
                reader.GetFieldValue<DateTimeOffset>(3),
                reader.IsDBNull(4) ? null : reader.GetFieldValue<DateTimeOffset>(4),
                reader.IsDBNull(5) ? null : reader.GetFieldValue<DateTimeOffset>(5)));
        }

        return alerts;
    }

    /// <summary>The devices of the scope; <c>$1</c> is the scope's id.</summary>
    private static string DeviceFilter(string scope) => scope switch
    {
        "device" => "d.device_id = $1",
        "household" => "d.household_id = $1",
        "facility" => "d.bed_id IN (SELECT b.bed_id FROM beds b WHERE b.facility_id = $1)",
        "district" => "($1::text IS NULL OR true)",
        _ => throw new ArgumentOutOfRangeException(nameof(scope), scope, "scope is device, household, facility or district"),
    };
}
