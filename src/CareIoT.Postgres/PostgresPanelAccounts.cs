using CareIoT.Stores;
using CareIoT.Contracts;
using Npgsql;
using NpgsqlTypes;

namespace CareIoT.Postgres;

/// <summary>The registry of DC-09 panel accounts: bound by an installer together with the panel's device.</summary>
public sealed class PostgresPanelAccounts(NpgsqlDataSource dataSource) : IPanelBindings
{
    /// <summary>
    /// Registers the panel as a device of its household and binds its account, in one transaction (not
    /// named BindAsync: minimal APIs would take this type for a custom-bound parameter);
    /// nothing is stored unless both rows are.
    /// </summary>
    public async Task<PanelRegistration> RegisterAsync(PanelAccount account, string householdId, string serial, TimeSpan? offlineAfter,
        string installer, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using var device = new NpgsqlCommand("""
            INSERT INTO devices (device_id, kind, household_id, serial, offline_after_seconds, installed_at, installed_by)
            VALUES ($1, 'AlarmPanel', $2, $3, $4, $5, $6) ON CONFLICT DO NOTHING
            """, connection, transaction);
        device.Parameters.Add(new NpgsqlParameter { Value = account.DeviceId });
        device.Parameters.Add(new NpgsqlParameter { Value = householdId });
        device.Parameters.Add(new NpgsqlParameter { Value = serial });
        device.Parameters.Add(new NpgsqlParameter<int?> { TypedValue = offlineAfter is { } t ? (int)t.TotalSeconds : null });
        device.Parameters.Add(new NpgsqlParameter { Value = at.UtcDateTime, NpgsqlDbType = NpgsqlDbType.TimestampTz });
        device.Parameters.Add(new NpgsqlParameter { Value = installer });
        try
        {
            if (await device.ExecuteNonQueryAsync(cancellationToken) != 1)
            {
                return PanelRegistration.Taken;
            }
        }
        catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.ForeignKeyViolation)
        {
            return PanelRegistration.NoHousehold;
        }

        await using var bind = new NpgsqlCommand("""
            INSERT INTO panel_accounts (account, device_id, key, key_is_hex, vendor, bound_at, bound_by)
            VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT DO NOTHING
            """, connection, transaction);
        bind.Parameters.Add(new NpgsqlParameter { Value = account.Account });
        bind.Parameters.Add(new NpgsqlParameter { Value = account.DeviceId });
        bind.Parameters.Add(new NpgsqlParameter<string?> { TypedValue = account.Key });
        bind.Parameters.Add(new NpgsqlParameter { Value = account.KeyIsHex });
        bind.Parameters.Add(new NpgsqlParameter<string?> { TypedValue = account.Vendor });
        bind.Parameters.Add(new NpgsqlParameter { Value = at.UtcDateTime, NpgsqlDbType = NpgsqlDbType.TimestampTz });
        bind.Parameters.Add(new NpgsqlParameter { Value = installer });
        if (await bind.ExecuteNonQueryAsync(cancellationToken) != 1)
        {
            return PanelRegistration.Taken; // disposing the transaction rolls the device back
        }

        await transaction.CommitAsync(cancellationToken);
        return PanelRegistration.Registered;
    }

    public async Task<IReadOnlyList<PanelAccount>> ListAsync(CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("SELECT account, device_id, key, key_is_hex, vendor FROM panel_accounts");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var accounts = new List<PanelAccount>();
        while (await reader.ReadAsync(cancellationToken))
        {
            accounts.Add(new PanelAccount(reader.GetString(0), reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetString(2),
                reader.GetBoolean(3), reader.IsDBNull(4) ? null : reader.GetString(4)));
        }

        return accounts;
    }

    /// <summary>The binding of one account, for the installer's page (the key is not returned).</summary>
    public async Task<PanelAccount?> FindAsync(string account, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("SELECT account, device_id, key, key_is_hex, vendor FROM panel_accounts WHERE account = $1");
        command.Parameters.Add(new NpgsqlParameter { Value = account });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken)
            ? new PanelAccount(reader.GetString(0), reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetString(2), reader.GetBoolean(3),
                reader.IsDBNull(4) ? null : reader.GetString(4))
            : null;
    }
}
