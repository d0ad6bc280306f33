using CareIoT.Stores;
using Npgsql;
using NpgsqlTypes;

namespace CareIoT.Postgres;

/// <summary>The console's users. Passwords arrive hashed (ASP.NET Core's hasher); this store never sees one in clear.</summary>
public sealed class PostgresUsers(NpgsqlDataSource dataSource) : IUserAccounts
{
    public async Task<StoredUser?> FindAsync(string username, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            "SELECT username, password_hash, role, household_id, locked_until, security_stamp, disabled_at FROM users WHERE username = @name");
        command.Parameters.AddWithValue("name", username);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken)
            ? new StoredUser(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.IsDBNull(3) ? null : reader.GetString(3),
                reader.IsDBNull(4) ? null : reader.GetFieldValue<DateTimeOffset>(4), reader.GetGuid(5),
                reader.IsDBNull(6) ? null : reader.GetFieldValue<DateTimeOffset>(6))
            : null;
    }

    /// <summary>The users' current security stamps; a disabled or deleted user has none (every session of theirs is over).</summary>
    public async Task<IReadOnlyDictionary<string, Guid>> CurrentStampsAsync(IReadOnlyCollection<string> usernames, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            "SELECT username, security_stamp FROM users WHERE username = ANY(@names) AND disabled_at IS NULL");
        command.Parameters.AddWithValue("names", usernames.ToArray());
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var stamps = new Dictionary<string, Guid>(StringComparer.Ordinal);
        while (await reader.ReadAsync(cancellationToken))
        {
            stamps[reader.GetString(0)] = reader.GetGuid(1);
        }

        return stamps;
    }

    /// <summary>Of these sessions, the ones that were logged out.</summary>
    public async Task<IReadOnlySet<Guid>> EndedOfAsync(IReadOnlyCollection<Guid> sessions, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("SELECT session_id FROM ended_sessions WHERE session_id = ANY(@ids)");
        command.Parameters.AddWithValue("ids", sessions.ToArray());
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var ended = new HashSet<Guid>();
        while (await reader.ReadAsync(cancellationToken))
        {
            ended.Add(reader.GetGuid(0));
        }

        return ended;
    }

    /// <summary>Ends one session (logout): its cookie and every copy of it are refused from now on.</summary>
    public async Task EndSessionAsync(Guid session, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            WITH pruned AS (DELETE FROM ended_sessions WHERE ended_at < now() - interval '1 day')
            INSERT INTO ended_sessions (session_id) VALUES (@id) ON CONFLICT DO NOTHING
            """);
        command.Parameters.AddWithValue("id", session);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Ends every session of the user (a new stamp); false if there is no such user.</summary>
    public Task<bool> EndSessionsAsync(string username, CancellationToken cancellationToken) =>
        UpdateAsync("UPDATE users SET security_stamp = gen_random_uuid() WHERE username = @name", username, null, cancellationToken);

    /// <summary>A new password; every session of the user ends.</summary>
    public Task<bool> SetPasswordAsync(string username, string passwordHash, CancellationToken cancellationToken) =>
        UpdateAsync("UPDATE users SET password_hash = @value, security_stamp = gen_random_uuid() WHERE username = @name", username, passwordHash, cancellationToken);

    /// <summary>A new role (a relative keeps only a household given here); every session of the user ends.</summary>
    public async Task<bool> SetRoleAsync(string username, string role, string? householdId, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            UPDATE users SET role = @role, household_id = @household, security_stamp = gen_random_uuid() WHERE username = @name
            """);
        command.Parameters.AddWithValue("name", username);
        command.Parameters.AddWithValue("role", role);
        command.Parameters.AddWithValue("household", (object?)householdId ?? DBNull.Value);
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    /// <summary>Disables (no sign-in, every session ends) or enables the account.</summary>
    public Task<bool> SetDisabledAsync(string username, bool disabled, CancellationToken cancellationToken) =>
        UpdateAsync(disabled
            ? "UPDATE users SET disabled_at = coalesce(disabled_at, now()), security_stamp = gen_random_uuid() WHERE username = @name"
            : "UPDATE users SET disabled_at = NULL WHERE username = @name", username, null, cancellationToken);

    private async Task<bool> UpdateAsync(string sql, string username, string? value, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(sql);
        command.Parameters.AddWithValue("name", username);
        if (value is not null)
        {
            command.Parameters.AddWithValue("value", value);
        }

        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
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

    /// <summary>
    /// Counts a failed sign-in in one statement (concurrent attempts cannot both slip under the limit);
    /// failures before <paramref name="countSince"/> are forgotten. The one that reaches
    /// <paramref name="lockAfter"/> locks the account until <paramref name="lockedUntil"/> and starts the
    /// count again. Returns the lock's end when this failure set it, else null.
    /// </summary>
    public async Task<DateTimeOffset?> RecordFailedSignInAsync(
        string username, int lockAfter, DateTimeOffset at, DateTimeOffset countSince, DateTimeOffset lockedUntil, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            UPDATE users SET
                failed_sign_ins = CASE WHEN (CASE WHEN last_failed_at >= $5 THEN failed_sign_ins ELSE 0 END) + 1 >= $2 THEN 0
                                       ELSE (CASE WHEN last_failed_at >= $5 THEN failed_sign_ins ELSE 0 END) + 1 END,
                locked_until = CASE WHEN (CASE WHEN last_failed_at >= $5 THEN failed_sign_ins ELSE 0 END) + 1 >= $2 THEN $3 ELSE locked_until END,
                last_failed_at = $4
            WHERE username = $1
            RETURNING failed_sign_ins = 0
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = username });
        command.Parameters.Add(new NpgsqlParameter { Value = lockAfter });
        command.Parameters.Add(new NpgsqlParameter { Value = lockedUntil.UtcDateTime, NpgsqlDbType = NpgsqlDbType.TimestampTz });
        command.Parameters.Add(new NpgsqlParameter { Value = at.UtcDateTime, NpgsqlDbType = NpgsqlDbType.TimestampTz });
        command.Parameters.Add(new NpgsqlParameter { Value = countSince.UtcDateTime, NpgsqlDbType = NpgsqlDbType.TimestampTz });
        return await command.ExecuteScalarAsync(cancellationToken) is true ? lockedUntil : null;
    }

    /// <summary>A successful sign-in, or an admin's unlock: no failures counted, no lock. False when there is no such user.</summary>
    public async Task<bool> ResetSignInFailuresAsync(string username, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            UPDATE users SET failed_sign_ins = 0, locked_until = NULL WHERE username = $1
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = username });
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }
}

