using CareIoT.Stores;
using System.Text.Json;
using CareIoT.Contracts;
using Npgsql;
using NpgsqlTypes;

namespace CareIoT.Postgres;

/// <summary>
/// Bulk registration of households and their devices from an import file, all or nothing: binary
/// COPY into temporary tables, then one upsert of households and one insert of devices, in one
/// transaction. A device's id is its serial; it gets broker credentials when it is fitted.
/// </summary>
public sealed class PostgresHouseholdImport(NpgsqlDataSource dataSource) : IHouseholdImport
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Every serial and device id already registered, so an import can name its duplicates.</summary>
    public async Task<IReadOnlySet<string>> RegisteredSerialsAsync(CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("SELECT device_id FROM devices UNION SELECT serial FROM devices WHERE serial IS NOT NULL");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var serials = new HashSet<string>(StringComparer.Ordinal);
        while (await reader.ReadAsync(cancellationToken))
        {
            serials.Add(reader.GetString(0));
        }

        return serials;
    }

    public async Task ImportAsync(
        IReadOnlyList<HouseholdDetails> households, IReadOnlyList<(string HouseholdId, DeviceKind Kind, string Serial)> devices, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var create = new NpgsqlCommand("""
            CREATE TEMP TABLE import_households (household_id text, elder_name text, address text, birth_year int, contacts text,
                community text, latitude double precision, longitude double precision) ON COMMIT DROP;
            CREATE TEMP TABLE import_devices (device_id text, kind text, household_id text) ON COMMIT DROP;
            """, connection, transaction))
        {
            await create.ExecuteNonQueryAsync(cancellationToken);
        }

        await using (var copy = await connection.BeginBinaryImportAsync("COPY import_households FROM STDIN (FORMAT BINARY)", cancellationToken))
        {
            foreach (var h in households)
            {
                await copy.StartRowAsync(cancellationToken);
                await copy.WriteAsync(h.HouseholdId, NpgsqlDbType.Text, cancellationToken);
                await copy.WriteAsync(h.ElderName, NpgsqlDbType.Text, cancellationToken);
                await copy.WriteAsync(h.Address, NpgsqlDbType.Text, cancellationToken);
                await WriteNullable(copy, h.BirthYear, NpgsqlDbType.Integer, cancellationToken);
                await copy.WriteAsync(JsonSerializer.Serialize(h.Contacts, Json), NpgsqlDbType.Text, cancellationToken);
                await copy.WriteAsync(h.Community, NpgsqlDbType.Text, cancellationToken);
                await WriteNullable(copy, h.Latitude, NpgsqlDbType.Double, cancellationToken);
                await WriteNullable(copy, h.Longitude, NpgsqlDbType.Double, cancellationToken);
            }

            await copy.CompleteAsync(cancellationToken);
        }

        await using (var copy = await connection.BeginBinaryImportAsync("COPY import_devices FROM STDIN (FORMAT BINARY)", cancellationToken))
        {
            foreach (var (householdId, kind, serial) in devices)
            {
                await copy.WriteRowAsync(cancellationToken, serial, kind.ToString(), householdId);
            }

            await copy.CompleteAsync(cancellationToken);
        }

        await using (var merge = new NpgsqlCommand("""
            INSERT INTO households (household_id, elder_name, address, birth_year, medical_notes, emergency_contacts, community, latitude, longitude)
            SELECT household_id, elder_name, address, birth_year, '', contacts::jsonb, community, latitude, longitude FROM import_households
            ON CONFLICT (household_id) DO UPDATE SET elder_name = excluded.elder_name, address = excluded.address, birth_year = excluded.birth_year,
                emergency_contacts = excluded.emergency_contacts, community = excluded.community, latitude = excluded.latitude, longitude = excluded.longitude;
            INSERT INTO devices (device_id, kind, household_id, serial) SELECT device_id, kind, household_id, device_id FROM import_devices;
            """, connection, transaction))
        {
            await merge.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    private static Task WriteNullable<T>(NpgsqlBinaryImporter copy, T? value, NpgsqlDbType type, CancellationToken cancellationToken)
        where T : struct =>
        value is { } v ? copy.WriteAsync(v, type, cancellationToken) : copy.WriteNullAsync(cancellationToken);
}
