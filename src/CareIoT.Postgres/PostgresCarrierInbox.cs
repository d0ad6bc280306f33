using Npgsql;
using NpgsqlTypes;

namespace CareIoT.Postgres;

/// <summary>A carrier push as kept in the inbox (platform "onenet" or "ctwing").</summary>
public sealed record CarrierInboxRow(long Id, string Platform, string Origin, DateTimeOffset ReceivedAt, byte[] Body);

/// <summary>The durable inbox of verified carrier pushes: one insert before the answer, one delete after processing.</summary>
public sealed class PostgresCarrierInbox(NpgsqlDataSource dataSource)
{
    public async Task<long> AddAsync(string platform, string origin, DateTimeOffset receivedAt, ReadOnlyMemory<byte> body, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            "INSERT INTO carrier_inbox (platform, origin, received_at, body) VALUES ($1, $2, $3, $4) RETURNING id");
        command.Parameters.Add(new NpgsqlParameter { Value = platform });
        command.Parameters.Add(new NpgsqlParameter { Value = origin });
        command.Parameters.Add(new NpgsqlParameter { Value = receivedAt.UtcDateTime, NpgsqlDbType = NpgsqlDbType.TimestampTz });
        command.Parameters.Add(new NpgsqlParameter { Value = body.ToArray(), NpgsqlDbType = NpgsqlDbType.Bytea });
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    public async Task RemoveAsync(long id, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("DELETE FROM carrier_inbox WHERE id = $1");
        command.Parameters.Add(new NpgsqlParameter { Value = id });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<CarrierInboxRow>> ReceivedBeforeAsync(DateTimeOffset before, int limit, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            "SELECT id, platform, origin, received_at, body FROM carrier_inbox WHERE received_at < $1 ORDER BY id LIMIT $2");
        command.Parameters.Add(new NpgsqlParameter { Value = before.UtcDateTime, NpgsqlDbType = NpgsqlDbType.TimestampTz });
        command.Parameters.Add(new NpgsqlParameter { Value = limit });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rows = new List<CarrierInboxRow>();
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(new CarrierInboxRow(reader.GetInt64(0), reader.GetString(1), reader.GetString(2),
                new DateTimeOffset(reader.GetDateTime(3), TimeSpan.Zero), (byte[])reader[4]));
        }

        return rows;
    }
}
