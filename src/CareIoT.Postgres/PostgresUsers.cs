using Npgsql;

namespace CareIoT.Postgres;

/// <summary>The console's users. Passwords arrive hashed (ASP.NET Core's hasher); this store never sees one in clear.</summary>
public sealed class PostgresUsers(NpgsqlDataSource dataSource)
{
    public async Task<StoredUser?> FindAsync(string username, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("SELECT username, password_hash, role FROM users WHERE username = @name");
        command.Parameters.AddWithValue("name", username);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? new StoredUser(reader.GetString(0), reader.GetString(1), reader.GetString(2)) : null;
    }

    /// <summary>Creates the user; false when the name is taken.</summary>
    public async Task<bool> CreateAsync(string username, string passwordHash, string role, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            INSERT INTO users (username, password_hash, role) VALUES (@name, @hash, @role) ON CONFLICT (username) DO NOTHING
            """);
        command.Parameters.AddWithValue("name", username);
        command.Parameters.AddWithValue("hash", passwordHash);
        command.Parameters.AddWithValue("role", role);
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    public async Task<bool> AnyAsync(CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("SELECT EXISTS (SELECT 1 FROM users)");
        return (bool)(await command.ExecuteScalarAsync(cancellationToken))!;
    }
}

public sealed record StoredUser(string Username, string PasswordHash, string Role);
