using CareIoT.Contracts;
using Npgsql;

namespace CareIoT.Postgres;

/// <summary>Maps rows of the <c>alerts</c> table to snapshots; one column list for every query.</summary>
internal static class AlertRows
{
    public const string Columns =
        "alert_id, site_kind, site_id, device_id, cause, priority, status, raised_at, last_seen_at, occurrences";

    public static AlertSnapshot Read(NpgsqlDataReader reader) => new(
        reader.GetGuid(0),
        new SiteRef(Enum.Parse<SiteKind>(reader.GetString(1)), reader.GetString(2)),
        reader.GetString(3),
        Enum.Parse<AlertCause>(reader.GetString(4)),
        (AlertPriority)reader.GetInt16(5),
        Enum.Parse<AlertStatus>(reader.GetString(6)),
        reader.GetFieldValue<DateTimeOffset>(7),
        reader.GetFieldValue<DateTimeOffset>(8),
        reader.GetInt32(9));

    public static async Task<AlertSnapshot?> ReadOneAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? Read(reader) : null;
    }
}
