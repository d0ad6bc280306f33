using CareIoT.Stores;
using Npgsql;

namespace CareIoT.Postgres;

/// <summary>The outage incidents of the journal, read for the console.</summary>
public sealed class PostgresIncidents(NpgsqlDataSource dataSource) : IIncidents
{
    public async Task<IReadOnlyList<OutageIncident>> ListOpenAsync(CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            SELECT i.incident_id, i.area, i.opened_at, count(a.alert_id)::int,
                   (count(a.alert_id) FILTER (WHERE a.status IN ('Raised', 'Acknowledged', 'Dispatched')))::int
            FROM outage_incidents i JOIN alerts a ON a.incident_id = i.incident_id
            WHERE i.closed_at IS NULL
            GROUP BY i.incident_id, i.area, i.opened_at
            ORDER BY i.opened_at
            """);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var incidents = new List<OutageIncident>();
        while (await reader.ReadAsync(cancellationToken))
        {
            incidents.Add(new OutageIncident(reader.GetGuid(0), reader.GetString(1), reader.GetFieldValue<DateTimeOffset>(2), reader.GetInt32(3), reader.GetInt32(4)));
        }

        return incidents;
    }

    /// <summary>The members of an incident nobody has acknowledged yet.</summary>
    public async Task<IReadOnlyList<Guid>> UnacknowledgedMembersAsync(Guid incidentId, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("SELECT alert_id FROM alerts WHERE incident_id = $1 AND status = 'Raised'");
        command.Parameters.Add(new NpgsqlParameter { Value = incidentId });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var members = new List<Guid>();
        while (await reader.ReadAsync(cancellationToken))
        {
            members.Add(reader.GetGuid(0));
        }

        return members;
    }
}
