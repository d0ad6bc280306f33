using CareIoT.Stores;
using Npgsql;

namespace CareIoT.Postgres;

/// <summary>The queue's facts about many sites at once: one query per kind, by id.</summary>
public sealed class PostgresSiteSummaries(NpgsqlDataSource dataSource) : ISiteSummaries
{
    public async Task<IReadOnlyList<SiteSummary>> ListAsync(IReadOnlyCollection<string> householdIds, IReadOnlyCollection<string> bedIds,
        CancellationToken cancellationToken)
    {
        var summaries = new List<SiteSummary>(householdIds.Count + bedIds.Count);
        if (householdIds.Count > 0)
        {
            await using var households = dataSource.CreateCommand(
                "SELECT household_id, elder_name, community, address, birth_year FROM households WHERE household_id = ANY($1)");
            households.Parameters.Add(new NpgsqlParameter { Value = householdIds.ToArray() });
            await using var reader = await households.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                summaries.Add(new SiteSummary("Household", reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3),
                    reader.IsDBNull(4) ? null : reader.GetInt32(4)));
            }
        }

        if (bedIds.Count > 0)
        {
            await using var beds = dataSource.CreateCommand("""
                SELECT b.bed_id, b.label, concat_ws(' ', f.name, b.room), '' FROM beds b LEFT JOIN facilities f ON f.facility_id = b.facility_id
                WHERE b.bed_id = ANY($1)
                """);
            beds.Parameters.Add(new NpgsqlParameter { Value = bedIds.ToArray() });
            await using var reader = await beds.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                summaries.Add(new SiteSummary("Bed", reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), null));
            }
        }

        return summaries;
    }
}
