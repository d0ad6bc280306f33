using CareIoT.Stores;
using System.Text.Json;
using Npgsql;
using NpgsqlTypes;

namespace CareIoT.Postgres;

/// <summary>
/// Who looked at or exported personal data, when and what: written to <c>audit_log</c> (append-only,
/// a trigger forbids change) before the data is handed out, so a view that cannot be recorded is not given.
/// </summary>
public sealed class PostgresAccessAudit(NpgsqlDataSource dataSource) : IAuditLog
{
    public async Task RecordAsync(string actor, string action, string target, object? detail, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("INSERT INTO audit_log (at, actor, action, target, detail) VALUES ($1, $2, $3, $4, $5::jsonb)");
        command.Parameters.Add(new NpgsqlParameter { Value = at.UtcDateTime, NpgsqlDbType = NpgsqlDbType.TimestampTz });
        command.Parameters.Add(new NpgsqlParameter { Value = actor });
        command.Parameters.Add(new NpgsqlParameter { Value = action });
        command.Parameters.Add(new NpgsqlParameter { Value = target });
        command.Parameters.Add(new NpgsqlParameter<string?> { TypedValue = detail is null ? null : JsonSerializer.Serialize(detail) });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>The most recent entries, newest first, optionally of one action or about one target.</summary>
    public async Task<IReadOnlyList<AuditEntry>> RecentAsync(string? action, string? target, int limit, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            SELECT audit_id, at, actor, action, target, detail::text FROM audit_log
            WHERE ($1::text IS NULL OR action = $1) AND ($2::text IS NULL OR target = $2)
            ORDER BY audit_id DESC LIMIT $3
            """);
        command.Parameters.Add(new NpgsqlParameter<string?> { TypedValue = action });
        command.Parameters.Add(new NpgsqlParameter<string?> { TypedValue = target });
        command.Parameters.Add(new NpgsqlParameter { Value = Math.Clamp(limit, 1, 1000) });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var entries = new List<AuditEntry>();
        while (await reader.ReadAsync(cancellationToken))
        {
            entries.Add(new AuditEntry(reader.GetInt64(0), reader.GetFieldValue<DateTimeOffset>(1), reader.GetString(2), reader.GetString(3),
                reader.GetString(4), reader.IsDBNull(5) ? null : reader.GetString(5)));
        }

        return entries;
    }
}
