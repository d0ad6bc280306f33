using System.Text;
using CareIoT.Contracts;
using Npgsql;

namespace CareIoT.Postgres;

/// <summary>Dead letters in PostgreSQL, listed newest first for the inspection endpoint.</summary>
public sealed class PostgresDeadLetterStore(NpgsqlDataSource dataSource) : IDeadLetterStore
{
    private const int PreviewBytes = 512;

    public async Task AddAsync(DeadLetter deadLetter, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            INSERT INTO dead_letters (received_at, source, topic, device_id, reason, detail, payload, payload_size)
            VALUES (@at, @source, @topic, @device, @reason, @detail, @payload, @size)
            """);
        command.Parameters.AddWithValue("at", deadLetter.ReceivedAt.ToUniversalTime());
        command.Parameters.AddWithValue("source", deadLetter.Source);
        command.Parameters.AddWithValue("topic", deadLetter.Topic);
        command.Parameters.AddWithValue("device", (object?)deadLetter.DeviceId ?? DBNull.Value);
        command.Parameters.AddWithValue("reason", deadLetter.Reason);
        command.Parameters.AddWithValue("detail", deadLetter.Detail);
        command.Parameters.AddWithValue("payload", deadLetter.Payload);
        command.Parameters.AddWithValue("size", deadLetter.PayloadSize);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<StoredDeadLetter>> ListRecentAsync(int limit, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            SELECT dead_letter_id, received_at, source, topic, device_id, reason, detail, payload, payload_size
            FROM dead_letters ORDER BY dead_letter_id DESC LIMIT @limit
            """);
        command.Parameters.AddWithValue("limit", Math.Clamp(limit, 1, 1000));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var letters = new List<StoredDeadLetter>();
        while (await reader.ReadAsync(cancellationToken))
        {
            var payload = (byte[])reader[7];
            letters.Add(new StoredDeadLetter(
                reader.GetInt64(0), reader.GetFieldValue<DateTimeOffset>(1), reader.GetString(2), reader.GetString(3),
                reader.IsDBNull(4) ? null : reader.GetString(4), reader.GetString(5), reader.GetString(6),
                Preview(payload), reader.GetInt32(8)));
        }

        return letters;
    }

    private static string Preview(byte[] payload) =>
        Encoding.UTF8.GetString(payload, 0, Math.Min(payload.Length, PreviewBytes));
}
