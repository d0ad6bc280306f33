using CareIoT.Stores;
using CareIoT.Contracts;
using Npgsql;

namespace CareIoT.Postgres;

/// <summary>
/// The alert journal in PostgreSQL. Each write claims its source key in <c>alert_sources</c>
/// first, in the same transaction as the change: a source already claimed means the message was
/// recorded before (a redelivery), and the alert is returned unchanged. A unique index keeps one
/// open alert per site and cause (per device for technical causes): a raise that meets it repeats
/// the open alert instead.
/// </summary>
public sealed class PostgresAlertJournal(NpgsqlDataSource dataSource) : IAlertRecords
{
    public const string DeviceActor = "device";

    public async Task<AlertSnapshot> RaiseAsync(AlertSnapshot alert, string sourceKey, CancellationToken cancellationToken)
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        try
        {
            return await RaiseOnceAsync(alert, sourceKey, cancellationToken);
        }
        finally
        {
            JournalMetrics.Record("raise", started);
        }
    }

    private async Task<AlertSnapshot> RaiseOnceAsync(AlertSnapshot alert, string sourceKey, CancellationToken cancellationToken)
    {
        // Another writer may hold the open alert of this key (two activations in a failover): then
        // this occurrence is its repeat. If that alert closes in between, raising is tried again.
        for (var attempt = 1; attempt <= 5; attempt++)
        {
            if (await TryRaiseAsync(alert, sourceKey, cancellationToken) is { } raised)
            {
                return raised;
            }

            if (await OpenAlertOfKeyAsync(alert, cancellationToken) is { } open
                && await RepeatAsync(open, sourceKey, alert.RaisedAt, cancellationToken) is { IsOpen: true } repeated)
            {
                return repeated;
            }
        }

        throw new InvalidOperationException($"Could not raise or repeat an alert for {alert.Site} {alert.Cause}: its open alert kept changing.");
    }

    /// <summary>Inserts the alert, or returns null when an open alert of its key exists (the unique index of migration 0013).</summary>
    private async Task<AlertSnapshot?> TryRaiseAsync(AlertSnapshot alert, string sourceKey, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        if (!await ClaimSourceAsync(connection, sourceKey, alert.AlertId, alert.RaisedAt, cancellationToken))
        {
            await transaction.RollbackAsync(cancellationToken);
            return await AlertOfSourceAsync(connection, sourceKey, cancellationToken);
        }

        await using (var insert = new NpgsqlCommand($"""
            INSERT INTO alerts ({AlertRows.InsertColumns})
            VALUES (@id, @siteKind, @siteId, @device, @cause, @priority, @status, @raisedAt, @lastSeenAt, @occurrences, @reason)
            ON CONFLICT DO NOTHING
            """, connection))
        {
            insert.Parameters.AddWithValue("id", alert.AlertId);
            insert.Parameters.AddWithValue("siteKind", alert.Site.Kind.ToString());
            insert.Parameters.AddWithValue("siteId", alert.Site.Id);
            insert.Parameters.AddWithValue("device", alert.DeviceId);
            insert.Parameters.AddWithValue("cause", alert.Cause.ToString());
            insert.Parameters.AddWithValue("priority", (short)alert.Priority);
            insert.Parameters.AddWithValue("status", alert.Status.ToString());
            insert.Parameters.AddWithValue("raisedAt", alert.RaisedAt.ToUniversalTime());
            insert.Parameters.AddWithValue("lastSeenAt", alert.LastSeenAt.ToUniversalTime());
            insert.Parameters.AddWithValue("occurrences", alert.Occurrences);
            insert.Parameters.Add(new NpgsqlParameter<string?>("reason", alert.Reason));
            if (await insert.ExecuteNonQueryAsync(cancellationToken) == 0)
            {
                await transaction.RollbackAsync(cancellationToken);
                return null;
            }
        }

        await AppendEventAsync(connection, alert.AlertId, "Raised", alert.RaisedAt, sourceKey, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return alert;
    }

    private async Task<Guid?> OpenAlertOfKeyAsync(AlertSnapshot alert, CancellationToken cancellationToken)
    {
        await using var select = dataSource.CreateCommand("""
            SELECT alert_id FROM alerts
            WHERE site_kind = @siteKind AND site_id = @siteId AND cause = @cause
              AND open_alert_device(cause, device_id) = open_alert_device(@cause, @device)
              AND status IN ('Raised', 'Acknowledged', 'Dispatched')
            """);
        select.Parameters.AddWithValue("siteKind", alert.Site.Kind.ToString());
        select.Parameters.AddWithValue("siteId", alert.Site.Id);
        select.Parameters.AddWithValue("cause", alert.Cause.ToString());
        select.Parameters.AddWithValue("device", alert.DeviceId);
        return await select.ExecuteScalarAsync(cancellationToken) as Guid?;
    }

    public async Task<AlertSnapshot> RepeatAsync(Guid alertId, string sourceKey, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        if (!await ClaimSourceAsync(connection, sourceKey, alertId, at, cancellationToken))
        {
            await transaction.RollbackAsync(cancellationToken);
            return await AlertOfSourceAsync(connection, sourceKey, cancellationToken);
        }

        await using var update = new NpgsqlCommand($"""
            UPDATE alerts SET occurrences = occurrences + 1, last_seen_at = greatest(last_seen_at, @at)
            WHERE alert_id = @id AND status IN ('Raised', 'Acknowledged', 'Dispatched')
            RETURNING {AlertRows.Columns}
            """, connection);
        update.Parameters.AddWithValue("id", alertId);
        update.Parameters.AddWithValue("at", at.ToUniversalTime());
        var alert = await AlertRows.ReadOneAsync(update, cancellationToken);
        if (alert is null)
        {
            // Closed meanwhile: leave the source unclaimed so the caller can raise a new alert with it.
            await transaction.RollbackAsync(cancellationToken);
            return await GetAsync(alertId, cancellationToken)
                ?? throw new InvalidOperationException($"Alert {alertId} is not in the journal.");
        }

        await AppendEventAsync(connection, alertId, "Repeated", at, sourceKey, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return alert;
    }

    public async Task<AlertSnapshot?> TransitionAsync(AlertTransition transition, CancellationToken cancellationToken)
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        try
        {
            return await TransitionOnceAsync(transition, cancellationToken);
        }
        finally
        {
            JournalMetrics.Record("transition", started);
        }
    }

    private async Task<AlertSnapshot?> TransitionOnceAsync(AlertTransition transition, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using var update = new NpgsqlCommand($"""
            UPDATE alerts SET status = @to,
                acknowledged_at = CASE WHEN @to = 'Acknowledged' THEN @at ELSE acknowledged_at END,
                acknowledged_by = CASE WHEN @to = 'Acknowledged' THEN @actor ELSE acknowledged_by END,
                dispatched_to = CASE WHEN @to = 'Dispatched' THEN @responder ELSE dispatched_to END,
                dispatched_at = CASE WHEN @to = 'Dispatched' THEN @at ELSE dispatched_at END,
                closed_at = CASE WHEN @to IN ('Resolved', 'FalseAlarm', 'CancelledByResident', 'Restored') THEN @at ELSE closed_at END
            WHERE alert_id = @id AND status = @from
            RETURNING {AlertRows.Columns}
            """, connection);
        update.Parameters.AddWithValue("id", transition.AlertId);
        update.Parameters.AddWithValue("from", transition.From.ToString());
        update.Parameters.AddWithValue("to", transition.To.ToString());
        update.Parameters.AddWithValue("at", transition.At.ToUniversalTime());
        update.Parameters.AddWithValue("actor", transition.Actor);
        update.Parameters.AddWithValue("responder", (object?)transition.Responder?.ToString() ?? DBNull.Value);
        var alert = await AlertRows.ReadOneAsync(update, cancellationToken);
        if (alert is null)
        {
            await transaction.RollbackAsync(cancellationToken);
            return null;
        }

        var detail = System.Text.Json.JsonSerializer.Serialize(new { from = transition.From.ToString(), to = transition.To.ToString(), responder = transition.Responder?.ToString(), note = transition.Note });
        await AppendEventAsync(connection, transition.AlertId, transition.Kind, transition.At, null, cancellationToken, transition.Actor, detail);
        await AuditAsync(connection, transition.AlertId, transition.Kind, transition.Actor, transition.At, detail, cancellationToken);

        await transaction.CommitAsync(cancellationToken);
        return alert;
    }

    public async Task<AlertSnapshot> EscalateAsync(Guid alertId, int level, string kind, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using var update = new NpgsqlCommand($"""
            UPDATE alerts SET escalation_level = greatest(escalation_level, @level) WHERE alert_id = @id
            RETURNING {AlertRows.Columns}
            """, connection);
        update.Parameters.AddWithValue("id", alertId);
        update.Parameters.AddWithValue("level", level);
        var alert = await AlertRows.ReadOneAsync(update, cancellationToken)
            ?? throw new InvalidOperationException($"Alert {alertId} is not in the journal.");
        await AppendEventAsync(connection, alertId, kind, at, null, cancellationToken, "system", $$"""{"level":{{level}}}""");
        await transaction.CommitAsync(cancellationToken);
        return alert;
    }

    public async Task<AlertSnapshot?> GetAsync(Guid alertId, CancellationToken cancellationToken)
    {
        await using var select = dataSource.CreateCommand($"SELECT {AlertRows.Columns} FROM alerts WHERE alert_id = @id");
        select.Parameters.AddWithValue("id", alertId);
        return await AlertRows.ReadOneAsync(select, cancellationToken);
    }

    public async Task AppendNoteAsync(Guid alertId, string kind, string sourceKey, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        if (await ClaimSourceAsync(connection, sourceKey, alertId, at, cancellationToken))
        {
            await AppendEventAsync(connection, alertId, kind, at, sourceKey, cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<AlertSnapshot>> GetOpenForSiteAsync(SiteRef site, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand($"""
            SELECT {AlertRows.Columns} FROM alerts
            WHERE site_kind = @kind AND site_id = @id AND status IN ('Raised', 'Acknowledged', 'Dispatched')
            ORDER BY priority, raised_at
            """);
        command.Parameters.AddWithValue("kind", site.Kind.ToString());
        command.Parameters.AddWithValue("id", site.Id);
        return await ReadAllAsync(command, cancellationToken);
    }

    public async Task<IReadOnlyList<AlertSnapshot>> AttachToIncidentAsync(Guid incidentId, string area, DateTimeOffset openedAt, IReadOnlyList<Guid> alertIds,
        CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var incident = new NpgsqlCommand(
            "INSERT INTO outage_incidents (incident_id, area, opened_at) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING", connection))
        {
            incident.Parameters.Add(new NpgsqlParameter { Value = incidentId });
            incident.Parameters.Add(new NpgsqlParameter { Value = area });
            incident.Parameters.Add(new NpgsqlParameter { Value = openedAt.ToUniversalTime() });
            await incident.ExecuteNonQueryAsync(cancellationToken);
        }

        await using var attach = new NpgsqlCommand($"""
            UPDATE alerts SET incident_id = $1 WHERE alert_id = ANY($2) AND cause = 'DeviceOffline'
            RETURNING {AlertRows.Columns}
            """, connection);
        attach.Parameters.Add(new NpgsqlParameter { Value = incidentId });
        attach.Parameters.Add(new NpgsqlParameter { Value = alertIds.ToArray() });
        var members = await ReadAllAsync(attach, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return members;
    }

    public async Task<bool> CloseIncidentIfOverAsync(Guid incidentId, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            UPDATE outage_incidents SET closed_at = coalesce(closed_at, $2)
            WHERE incident_id = $1 AND NOT EXISTS (
                SELECT 1 FROM alerts WHERE incident_id = $1 AND status IN ('Raised', 'Acknowledged', 'Dispatched'))
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = incidentId });
        command.Parameters.Add(new NpgsqlParameter { Value = at.ToUniversalTime() });
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    public async Task<IReadOnlyList<AlertSnapshot>> GetOpenAsync(CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand($"""
            SELECT {AlertRows.Columns} FROM alerts
            WHERE status IN ('Raised', 'Acknowledged', 'Dispatched')
            ORDER BY priority, raised_at
            """);
        return await ReadAllAsync(command, cancellationToken);
    }

    private static async Task<IReadOnlyList<AlertSnapshot>> ReadAllAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var alerts = new List<AlertSnapshot>();
        while (await reader.ReadAsync(cancellationToken))
        {
            alerts.Add(AlertRows.Read(reader));
        }

        return alerts;
    }

    /// <summary>The alert and every event of its history, oldest first.</summary>
    public async Task<AlertHistory?> GetHistoryAsync(Guid alertId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var select = new NpgsqlCommand($"SELECT {AlertRows.Columns} FROM alerts WHERE alert_id = @id", connection);
        select.Parameters.AddWithValue("id", alertId);
        var alert = await AlertRows.ReadOneAsync(select, cancellationToken);
        if (alert is null)
        {
            return null;
        }

        await using var events = new NpgsqlCommand(
            "SELECT kind, actor, at, source_key, detail::text FROM alert_events WHERE alert_id = @id ORDER BY event_id", connection);
        events.Parameters.AddWithValue("id", alertId);
        await using var reader = await events.ExecuteReaderAsync(cancellationToken);
        var history = new List<AlertEvent>();
        while (await reader.ReadAsync(cancellationToken))
        {
            history.Add(new AlertEvent(
                reader.GetString(0), reader.GetString(1), reader.GetFieldValue<DateTimeOffset>(2),
                reader.IsDBNull(3) ? null : reader.GetString(3), reader.IsDBNull(4) ? null : reader.GetString(4)));
        }

        return new AlertHistory(alert, history);
    }

    /// <summary>
    /// Appends what a person did on an alert besides moving it (a response-plan step ticked, a call made, steps
    /// skipped with a reason), with its JSON detail and an audit record. False when there is no such alert.
    /// </summary>
    public async Task<bool> AppendActionAsync(Guid alertId, string kind, string actor, DateTimeOffset at, string detail, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var exists = new NpgsqlCommand("SELECT 1 FROM alerts WHERE alert_id = @id", connection))
        {
            exists.Parameters.AddWithValue("id", alertId);
            if (await exists.ExecuteScalarAsync(cancellationToken) is null)
            {
                return false;
            }
        }

        await AppendEventAsync(connection, alertId, kind, at, null, cancellationToken, actor, detail);
        await AuditAsync(connection, alertId, kind, actor, at, detail, cancellationToken);

        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    /// <summary>A person's action on an alert, in the audit log beside the journal's event (same transaction).</summary>
    private static async Task AuditAsync(NpgsqlConnection connection, Guid alertId, string kind, string actor, DateTimeOffset at, string detail,
        CancellationToken cancellationToken)
    {
        await using var audit = new NpgsqlCommand(
            "INSERT INTO audit_log (at, actor, action, target, detail) VALUES (@at, @actor, @action, @target, @detail::jsonb)", connection);
        audit.Parameters.AddWithValue("at", at.ToUniversalTime());
        audit.Parameters.AddWithValue("actor", actor);
        audit.Parameters.AddWithValue("action", $"alert.{kind}");
        audit.Parameters.AddWithValue("target", $"alert:{alertId}");
        audit.Parameters.AddWithValue("detail", detail);
        await audit.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task<bool> ClaimSourceAsync(
        NpgsqlConnection connection, string sourceKey, Guid alertId, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var claim = new NpgsqlCommand("""
            INSERT INTO alert_sources (source_key, alert_id, recorded_at) VALUES (@key, @id, @at)
            ON CONFLICT (source_key) DO NOTHING
            """, connection);
        claim.Parameters.AddWithValue("key", sourceKey);
        claim.Parameters.AddWithValue("id", alertId);
        claim.Parameters.AddWithValue("at", at.ToUniversalTime());
        return await claim.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    private static async Task<AlertSnapshot> AlertOfSourceAsync(NpgsqlConnection connection, string sourceKey, CancellationToken cancellationToken)
    {
        await using var select = new NpgsqlCommand($"""
            SELECT {AlertRows.Columns} FROM alerts
            WHERE alert_id = (SELECT alert_id FROM alert_sources WHERE source_key = @key)
            """, connection);
        select.Parameters.AddWithValue("key", sourceKey);
        return await AlertRows.ReadOneAsync(select, cancellationToken)
            ?? throw new InvalidOperationException($"Source {sourceKey} is claimed but its alert is missing.");
    }

    private static async Task AppendEventAsync(
        NpgsqlConnection connection, Guid alertId, string kind, DateTimeOffset at, string? sourceKey, CancellationToken cancellationToken,
        string actor = DeviceActor, string? detail = null)
    {
        await using var append = new NpgsqlCommand("""
            INSERT INTO alert_events (alert_id, kind, actor, at, source_key, detail) VALUES (@id, @kind, @actor, @at, @key, @detail::jsonb)
            """, connection);
        append.Parameters.AddWithValue("id", alertId);
        append.Parameters.AddWithValue("kind", kind);
        append.Parameters.AddWithValue("actor", actor);
        append.Parameters.AddWithValue("detail", (object?)detail ?? DBNull.Value);
        append.Parameters.AddWithValue("at", at.ToUniversalTime());
        append.Parameters.AddWithValue("key", (object?)sourceKey ?? DBNull.Value);
        await append.ExecuteNonQueryAsync(cancellationToken);
    }
}
