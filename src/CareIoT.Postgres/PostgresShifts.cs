using CareIoT.Stores;
using CareIoT.Contracts;
using Npgsql;

namespace CareIoT.Postgres;

/// <summary>Shift handovers, and the alerts closed during a shift.</summary>
public sealed class PostgresShifts(NpgsqlDataSource dataSource) : IShifts
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

    /// <summary>What the journal holds of the shift since <paramref name="since"/> (calls and skipped steps: the latest 500 each).</summary>
    public async Task<ShiftSummary> SummaryAsync(DateTimeOffset since, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var raised = new Dictionary<string, int>();
        await using (var byCause = new NpgsqlCommand("SELECT cause, count(*)::int FROM alerts WHERE raised_at >= @since GROUP BY cause ORDER BY 2 DESC", connection))
        {
            byCause.Parameters.AddWithValue("since", since.ToUniversalTime());
            await using var reader = await byCause.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                raised[reader.GetString(0)] = reader.GetInt32(1);
            }
        }

        int escalations;
        await using (var escalated = new NpgsqlCommand("SELECT count(*)::int FROM alert_events WHERE at >= @since AND kind = 'Escalated'", connection))
        {
            escalated.Parameters.AddWithValue("since", since.ToUniversalTime());
            escalations = (int)(await escalated.ExecuteScalarAsync(cancellationToken))!;
        }

        return new ShiftSummary(raised, escalations, await ActionsAsync(connection, "Call", since, cancellationToken),
            await ActionsAsync(connection, "StepsSkipped", since, cancellationToken));
    }

    private static async Task<IReadOnlyList<ShiftAction>> ActionsAsync(NpgsqlConnection connection, string kind, DateTimeOffset since, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("""
            SELECT e.at, e.actor, a.alert_id, a.cause, a.site_id, coalesce(e.detail::text, '{}')
            FROM alert_events e JOIN alerts a ON a.alert_id = e.alert_id
            WHERE e.at >= @since AND e.kind = @kind ORDER BY e.at DESC LIMIT 500
            """, connection);
        command.Parameters.AddWithValue("since", since.ToUniversalTime());
        command.Parameters.AddWithValue("kind", kind);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var actions = new List<ShiftAction>();
        while (await reader.ReadAsync(cancellationToken))
        {
            actions.Add(new ShiftAction(reader.GetFieldValue<DateTimeOffset>(0), reader.GetString(1), reader.GetGuid(2), reader.GetString(3), reader.GetString(4), reader.GetString(5)));
        }

        return actions;
    }
}
