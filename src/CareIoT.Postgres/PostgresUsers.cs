using Npgsql;

namespace CareIoT.Postgres;

/// <summary>The console's users. Passwords arrive hashed (ASP.NET Core's hasher); this store never sees one in clear.</summary>
public sealed class PostgresUsers(NpgsqlDataSource dataSource)
{
    public async Task<StoredUser?> FindAsync(string username, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("SELECT username, password_hash, role, household_id FROM users WHERE username = @name");
        command.Parameters.AddWithValue("name", username);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? new StoredUser(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.IsDBNull(3) ? null : reader.GetString(3)) : null;
    }

    /// <summary>Creates the user; false when the name is taken. A relative names their household.</summary>
    public async Task<bool> CreateAsync(string username, string passwordHash, string role, string? householdId, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            INSERT INTO users (username, password_hash, role, household_id) VALUES (@name, @hash, @role, @household)
            ON CONFLICT (username) DO NOTHING
            """);
        command.Parameters.AddWithValue("name", username);
        command.Parameters.AddWithValue("hash", passwordHash);
        command.Parameters.AddWithValue("role", role);
        command.Parameters.AddWithValue("household", (object?)householdId ?? DBNull.Value);
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    public async Task<bool> AnyAsync(CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("SELECT EXISTS (SELECT 1 FROM users)");
        return (bool)(await command.ExecuteScalarAsync(cancellationToken))!;
    }
}

/// <summary>A user as stored; <paramref name="HouseholdId"/> only for a relative.</summary>
public sealed record StoredUser(string Username, string PasswordHash, string Role, string? HouseholdId = null);
