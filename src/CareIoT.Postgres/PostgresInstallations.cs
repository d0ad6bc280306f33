using CareIoT.Stores;
using System.Text.Json;
using CareIoT.Contracts;
using Npgsql;
using NpgsqlTypes;

namespace CareIoT.Postgres;

/// <summary>
/// The installer's side of the registry: fitting a device (serial, who, when), taking one out of
/// service (moved to <c>decommissioned_devices</c>), walk-test records, finding a household.
/// </summary>
public sealed class PostgresInstallations(NpgsqlDataSource dataSource) : IInstallations
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Registers a newly fitted device; false when its id or serial is already registered; an <see cref="UnknownReferenceException"/> when its site is not.</summary>
    public async Task<bool> FitAsync(DeviceBinding binding, string serial, string? vendor, string? model, string installer, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            INSERT INTO devices (device_id, kind, household_id, bed_id, vendor, model, serial, installed_at, installed_by)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT DO NOTHING
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = binding.DeviceId });
        command.Parameters.Add(new NpgsqlParameter { Value = binding.Kind.ToString() });
        command.Parameters.Add(new NpgsqlParameter<string?> { TypedValue = binding.Site.Kind == SiteKind.Household ? binding.Site.Id : null });
        command.Parameters.Add(new NpgsqlParameter<string?> { TypedValue = binding.Site.Kind == SiteKind.Bed ? binding.Site.Id : null });
        command.Parameters.Add(new NpgsqlParameter<string?> { TypedValue = vendor });
        command.Parameters.Add(new NpgsqlParameter<string?> { TypedValue = model });
        command.Parameters.Add(new NpgsqlParameter { Value = serial });
        command.Parameters.Add(new NpgsqlParameter { Value = at.UtcDateTime, NpgsqlDbType = NpgsqlDbType.TimestampTz });
        command.Parameters.Add(new NpgsqlParameter { Value = installer });
        return await ForeignKeyViolations.Translate(() => command.ExecuteNonQueryAsync(cancellationToken), binding.Site.ToString()) == 1;
    }

    /// <summary>Moves the device out of the registry into its history; false when it was not registered.</summary>
    public async Task<bool> DecommissionAsync(string deviceId, string by, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            WITH gone AS (DELETE FROM devices WHERE device_id = $1 RETURNING device_id, kind, serial, household_id, bed_id, installed_at)
            INSERT INTO decommissioned_devices (device_id, kind, serial, household_id, bed_id, installed_at, decommissioned_at, decommissioned_by)
            SELECT device_id, kind, serial, household_id, bed_id, installed_at, $2, $3 FROM gone
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = deviceId });
        command.Parameters.Add(new NpgsqlParameter { Value = at.UtcDateTime, NpgsqlDbType = NpgsqlDbType.TimestampTz });
        command.Parameters.Add(new NpgsqlParameter { Value = by });
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    public async Task RecordAsync(InstallationRecord record, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            INSERT INTO installation_records (site_kind, site_id, installer, started_at, ended_at, outcome, signals)
            VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb) ON CONFLICT (site_kind, site_id, started_at) DO NOTHING
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = record.Site.Kind.ToString() });
        command.Parameters.Add(new NpgsqlParameter { Value = record.Site.Id });
        command.Parameters.Add(new NpgsqlParameter { Value = record.Installer });
        command.Parameters.Add(new NpgsqlParameter { Value = record.StartedAt.UtcDateTime, NpgsqlDbType = NpgsqlDbType.TimestampTz });
        command.Parameters.Add(new NpgsqlParameter { Value = record.EndedAt.UtcDateTime, NpgsqlDbType = NpgsqlDbType.TimestampTz });
        command.Parameters.Add(new NpgsqlParameter { Value = record.Outcome });
        command.Parameters.Add(new NpgsqlParameter { Value = JsonSerializer.Serialize(record.Signals, Json) });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<StoredInstallationRecord>> RecordsOfAsync(SiteRef site, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            SELECT record_id, installer, started_at, ended_at, outcome, signals::text FROM installation_records
            WHERE site_kind = $1 AND site_id = $2 ORDER BY started_at DESC
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = site.Kind.ToString() });
        command.Parameters.Add(new NpgsqlParameter { Value = site.Id });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var records = new List<StoredInstallationRecord>();
        while (await reader.ReadAsync(cancellationToken))
        {
            records.Add(new StoredInstallationRecord(reader.GetInt64(0), reader.GetString(1), reader.GetFieldValue<DateTimeOffset>(2),
                reader.GetFieldValue<DateTimeOffset>(3), reader.GetString(4), JsonSerializer.Deserialize<List<WalkTestSignal>>(reader.GetString(5), Json) ?? []));
        }

        return records;
    }

    /// <summary>Households whose id, elder's name or address contains the text (at most 50).</summary>
    public async Task<IReadOnlyList<HouseholdListing>> FindHouseholdsAsync(string text, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            SELECT h.household_id, h.elder_name, h.address, h.community, (SELECT count(*) FROM devices d WHERE d.household_id = h.household_id)
            FROM households h
            WHERE strpos(h.household_id, $1) > 0 OR strpos(h.elder_name, $1) > 0 OR strpos(h.address, $1) > 0
            ORDER BY h.household_id LIMIT 50
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = text });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var found = new List<HouseholdListing>();
        while (await reader.ReadAsync(cancellationToken))
        {
            found.Add(new HouseholdListing(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), (int)reader.GetInt64(4)));
        }

        return found;
    }
}
