using CareIoT.Contracts;
using Npgsql;

namespace CareIoT.Postgres;

/// <summary>Shift handovers, and the alerts closed during a shift.</summary>
public sealed class PostgresShifts(NpgsqlDataSource dataSource)
{
    public async Task<Handover> AddHandoverAsync(string author, string note, int openAlerts, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            INSERT INTO shift_handovers (at, author, note, open_alerts) VALUES (@at, @author, @note, @open) RETURNING handover_id
            """);
        command.Parameters.AddWithValue("at", at.ToUniversalTime());
        command.Parameters.AddWithValue("author", author);
        command.Parameters.AddWithValue("note", note);
        command.Parameters.AddWithValue("open", openAlerts);
        var id = (long)(await command.ExecuteScalarAsync(cancellationToken))!;
        return new Handover(id, at, author, note, openAlerts);
    }

    public async Task<IReadOnlyList<Handover>> RecentHandoversAsync(int limit, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            "SELECT handover_id, at, author, note, open_alerts FROM shift_handovers ORDER BY handover_id DESC LIMIT @limit");
        command.Parameters.AddWithValue("limit", limit);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var handovers = new List<Handover>();
        while (await reader.ReadAsync(cancellationToken))
        {
            handovers.Add(new Handover(reader.GetInt64(0), reader.GetFieldValue<DateTimeOffset>(1), reader.GetString(2), reader.GetString(3), reader.GetInt32(4)));
        }

        return handovers;
    }

    /// <summary>Alerts closed since the given time (the shift's start), newest first.</summary>
    public async Task<IReadOnlyList<AlertSnapshot>> ClosedSinceAsync(DateTimeOffset since, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand($"""
            SELECT {AlertRows.Columns} FROM alerts WHERE closed_at >= @since ORDER BY closed_at DESC LIMIT 500
            """);
        command.Parameters.AddWithValue("since", since.ToUniversalTime());
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var alerts = new List<AlertSnapshot>();
        while (await reader.ReadAsync(cancellationToken))
        {
            alerts.Add(AlertRows.Read(reader));
        }

        return alerts;
    }
}
