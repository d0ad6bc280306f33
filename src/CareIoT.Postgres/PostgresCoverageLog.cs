using CareIoT.Stores;
using CareIoT.Contracts.Rotation;
using Npgsql;
using NpgsqlTypes;

namespace CareIoT.Postgres;

/// <summary>The rotation's coverage log and supervision notices. An entry is keyed by site and start, so a retried write stores it once.</summary>
public sealed class PostgresCoverageLog(NpgsqlDataSource dataSource) : ICoverageRecords
{
    public async Task RecordAsync(IReadOnlyList<CoverageEntry> entries, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var batch = new NpgsqlBatch(connection);
        foreach (var entry in entries)
        {
            var command = new NpgsqlBatchCommand("""
                INSERT INTO rotation_coverage (site_key, shown_from, shown_to, operators) VALUES ($1, $2, $3, $4)
                ON CONFLICT (site_key, shown_from) DO NOTHING
                """);
            command.Parameters.Add(new NpgsqlParameter { Value = entry.SiteKey });
            command.Parameters.Add(new NpgsqlParameter { Value = entry.From.UtcDateTime, NpgsqlDbType = NpgsqlDbType.TimestampTz });
            command.Parameters.Add(new NpgsqlParameter { Value = entry.To.UtcDateTime, NpgsqlDbType = NpgsqlDbType.TimestampTz });
            command.Parameters.Add(new NpgsqlParameter { Value = entry.Operators.ToArray() });
            batch.BatchCommands.Add(command);
        }

        await batch.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task NoticeAsync(RotationNotice notice, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("INSERT INTO rotation_notices (site_key, noticed_at, last_shown) VALUES ($1, $2, $3)");
        command.Parameters.Add(new NpgsqlParameter { Value = notice.SiteKey });
        command.Parameters.Add(new NpgsqlParameter { Value = notice.At.UtcDateTime, NpgsqlDbType = NpgsqlDbType.TimestampTz });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)notice.LastShown?.UtcDateTime ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.TimestampTz });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<IReadOnlyDictionary<string, DateTimeOffset>> LastShownAsync(CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("SELECT site_key, max(shown_to) FROM rotation_coverage GROUP BY site_key");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var last = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        while (await reader.ReadAsync(cancellationToken))
        {
            last[reader.GetString(0)] = reader.GetFieldValue<DateTimeOffset>(1);
        }

        return last;
    }

    /// <summary>Entries that overlap the period, oldest first.</summary>
    public async Task<IReadOnlyList<CoverageEntry>> EntriesAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            SELECT site_key, shown_from, shown_to, operators FROM rotation_coverage
            WHERE shown_to > $1 AND shown_from < $2 ORDER BY shown_from, site_key
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = from.UtcDateTime, NpgsqlDbType = NpgsqlDbType.TimestampTz });
        command.Parameters.Add(new NpgsqlParameter { Value = to.UtcDateTime, NpgsqlDbType = NpgsqlDbType.TimestampTz });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var entries = new List<CoverageEntry>();
        while (await reader.ReadAsync(cancellationToken))
        {
            entries.Add(new CoverageEntry(reader.GetString(0), reader.GetFieldValue<DateTimeOffset>(1), reader.GetFieldValue<DateTimeOffset>(2),
                reader.GetFieldValue<string[]>(3)));
        }

        return entries;
    }

    public async Task<IReadOnlyList<RotationNotice>> NoticesAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            SELECT site_key, noticed_at, last_shown FROM rotation_notices WHERE noticed_at >= $1 AND noticed_at < $2 ORDER BY noticed_at
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = from.UtcDateTime, NpgsqlDbType = NpgsqlDbType.TimestampTz });
        command.Parameters.Add(new NpgsqlParameter { Value = to.UtcDateTime, NpgsqlDbType = NpgsqlDbType.TimestampTz });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var notices = new List<RotationNotice>();
        while (await reader.ReadAsync(cancellationToken))
        {
            notices.Add(new RotationNotice(reader.GetString(0), reader.GetFieldValue<DateTimeOffset>(1),
                reader.IsDBNull(2) ? null : reader.GetFieldValue<DateTimeOffset>(2)));
        }

        return notices;
    }
}
