using CareIoT.Contracts;
using Npgsql;

namespace CareIoT.Postgres;

/// <summary>Maps rows of the <c>alerts</c> table to snapshots; one column list for every query.</summary>
internal static class AlertRows
{
    /// <summary>The columns written when an alert is raised.</summary>
    public const string InsertColumns =
        "alert_id, site_kind, site_id, device_id, cause, priority, status, raised_at, last_seen_at, occurrences, reason";

    public const string Columns = InsertColumns +
        ", escalation_level, acknowledged_at, acknowledged_by, dispatched_to, closed_at, incident_id";

    public static AlertSnapshot Read(NpgsqlDataReader reader) => new(
        reader.GetGuid(0),
        new SiteRef(Enum.Parse<SiteKind>(reader.GetString(1)), reader.GetString(2)),
        reader.GetString(3),
        Enum.Parse<AlertCause>(reader.GetString(4)),
        (AlertPriority)reader.GetInt16(5),
        Enum.Parse<AlertStatus>(reader.GetString(6)),
        reader.GetFieldValue<DateTimeOffset>(7),
        reader.GetFieldValue<DateTimeOffset>(8),
        reader.GetInt32(9),
        reader.GetInt32(11),
        reader.IsDBNull(12) ? null : reader.GetFieldValue<DateTimeOffset>(12),
        reader.IsDBNull(13) ? null : reader.GetString(13),
        reader.IsDBNull(14) ? null : Enum.Parse<Responder>(reader.GetString(14)),
        reader.IsDBNull(15) ? null : reader.GetFieldValue<DateTimeOffset>(15),
        reader.IsDBNull(16) ? null : reader.GetGuid(16),
        reader.IsDBNull(10) ? null : reader.GetString(10));

    public static async Task<AlertSnapshot?> ReadOneAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? Read(reader) : null;
    }
}
