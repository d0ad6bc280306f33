using CareIoT.Stores;
using Npgsql;
using NpgsqlTypes;

namespace CareIoT.Postgres;

/// <summary>The registry of NB-IoT devices bound through a carrier's platform: bound by an installer together with the device.</summary>
public sealed class PostgresCarrierDevices(NpgsqlDataSource dataSource) : ICarrierBindings
{
    /// <summary>
    /// Registers the device (kind SmokeAlarm) in its household and binds its platform identity, in one
    /// transaction: nothing is stored unless both rows are. Taken when the device id, IMEI or platform id is bound already.
    /// </summary>
    public async Task<PanelRegistration> RegisterAsync(CarrierDeviceRow row, string householdId, TimeSpan? offlineAfter, string installer, DateTimeOffset at,
        CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using var device = new NpgsqlCommand("""
            INSERT INTO devices (device_id, kind, household_id, serial, offline_after_seconds, installed_at, installed_by)
            VALUES ($1, 'SmokeAlarm', $2, $3, $4, $5, $6) ON CONFLICT DO NOTHING
            """, connection, transaction);
        device.Parameters.Add(new NpgsqlParameter { Value = row.DeviceId });
        device.Parameters.Add(new NpgsqlParameter { Value = householdId });
        device.Parameters.Add(new NpgsqlParameter { Value = row.Imei });
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
            INSERT INTO carrier_devices (platform, platform_device_id, imei, product, device_id, bound_at, bound_by)
            VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT DO NOTHING
            """, connection, transaction);
        bind.Parameters.Add(new NpgsqlParameter { Value = row.Platform });
        bind.Parameters.Add(new NpgsqlParameter { Value = row.PlatformDeviceId });
        bind.Parameters.Add(new NpgsqlParameter { Value = row.Imei });
        bind.Parameters.Add(new NpgsqlParameter { Value = row.Product });
        bind.Parameters.Add(new NpgsqlParameter { Value = row.DeviceId });
        bind.Parameters.Add(new NpgsqlParameter { Value = at.UtcDateTime, NpgsqlDbType = NpgsqlDbType.TimestampTz });
        bind.Parameters.Add(new NpgsqlParameter { Value = installer });
        try
        {
            if (await bind.ExecuteNonQueryAsync(cancellationToken) != 1)
            {
                return PanelRegistration.Taken; // disposing the transaction rolls the device back
            }
        }
        catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.UniqueViolation)
        {
            return PanelRegistration.Taken;
        }

        await transaction.CommitAsync(cancellationToken);
        return PanelRegistration.Registered;
    }

    public async Task<IReadOnlyList<CarrierDeviceRow>> ListAsync(CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("SELECT platform, platform_device_id, imei, product, device_id FROM carrier_devices");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rows = new List<CarrierDeviceRow>();
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(new CarrierDeviceRow(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4)));
        }

        return rows;
    }

    public async Task<CarrierDeviceRow?> FindByImeiAsync(string imei, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("SELECT platform, platform_device_id, imei, product, device_id FROM carrier_devices WHERE imei = $1");
        command.Parameters.Add(new NpgsqlParameter { Value = imei });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken)
            ? new CarrierDeviceRow(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4))
            : null;
    }
}
