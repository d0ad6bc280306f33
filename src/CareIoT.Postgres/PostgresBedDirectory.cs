using CareIoT.Contracts;
using Npgsql;

namespace CareIoT.Postgres;

/// <summary>Every registered bed's id (from <c>beds</c>), in id order.</summary>
public sealed class PostgresBedDirectory(NpgsqlDataSource dataSource) : IBedDirectory
{
    public async Task<IReadOnlyList<string>> AllBedIdsAsync(CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("SELECT bed_id FROM beds ORDER BY bed_id");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var ids = new List<string>();
        while (await reader.ReadAsync(cancellationToken))
        {
            ids.Add(reader.GetString(0));
        }

        return ids;
    }
}
