using CareIoT.Stores;
using CareIoT.Contracts;
using Npgsql;

namespace CareIoT.Postgres;

/// <summary>The installer's registry of households, beds and devices.</summary>
public sealed class PostgresRegistry(NpgsqlDataSource dataSource) : IRegistry
{
    public async Task<DeviceBinding?> FindAsync(string deviceId, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            "SELECT kind, household_id, bed_id, offline_after_seconds, gateway_id FROM devices WHERE device_id = @id");
        command.Parameters.AddWithValue("id", deviceId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }

        var site = reader.IsDBNull(1)
            ? new SiteRef(SiteKind.Bed, reader.GetString(2))
            : new SiteRef(SiteKind.Household, reader.GetString(1));
        TimeSpan? offlineAfter = reader.IsDBNull(3) ? null : TimeSpan.FromSeconds(reader.GetInt32(3));
        return new DeviceBinding(deviceId, Enum.Parse<DeviceKind>(reader.GetString(0)), site, offlineAfter,
            reader.IsDBNull(4) ? null : reader.GetString(4));
    }

    /// <summary>Whether some device speaks through a gateway of this id (its broker account is the gateway's).</summary>
    public async Task<bool> IsGatewayAsync(string id, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("SELECT EXISTS (SELECT 1 FROM devices WHERE gateway_id = @id)");
        command.Parameters.AddWithValue("id", id);
        return await command.ExecuteScalarAsync(cancellationToken) is true;
    }

    public async Task UpsertHouseholdAsync(HouseholdDetails household, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            INSERT INTO households (household_id, elder_name, address, birth_year, medical_notes, emergency_contacts, community, latitude, longitude)
            VALUES (@id, @name, @address, @birthYear, @notes, @contacts::jsonb, @community, @latitude, @longitude)
            ON CONFLICT (household_id) DO UPDATE SET elder_name = excluded.elder_name, address = excluded.address,
                birth_year = excluded.birth_year, medical_notes = excluded.medical_notes, emergency_contacts = excluded.emergency_contacts,
                community = excluded.community, latitude = excluded.latitude, longitude = excluded.longitude
            """);
        command.Parameters.AddWithValue("community", household.Community);
        command.Parameters.Add(new NpgsqlParameter<double?>("latitude", household.Latitude));
        command.Parameters.Add(new NpgsqlParameter<double?>("longitude", household.Longitude));
        command.Parameters.AddWithValue("id", household.HouseholdId);
        command.Parameters.AddWithValue("name", household.ElderName);
        command.Parameters.AddWithValue("address", household.Address);
        command.Parameters.AddWithValue("birthYear", (object?)household.BirthYear ?? DBNull.Value);
        command.Parameters.AddWithValue("notes", household.MedicalNotes);
        command.Parameters.AddWithValue("contacts", System.Text.Json.JsonSerializer.Serialize(household.Contacts, ContactJson));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<HouseholdDetails?> GetHouseholdAsync(string householdId, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            SELECT elder_name, address, birth_year, medical_notes, emergency_contacts::text, community, latitude, longitude
            FROM households WHERE household_id = @id
            """);
        command.Parameters.AddWithValue("id", householdId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }

        var contacts = System.Text.Json.JsonSerializer.Deserialize<List<EmergencyContact>>(reader.GetString(4), ContactJson) ?? [];
        return new HouseholdDetails(householdId, reader.GetString(0), reader.GetString(1),
            reader.IsDBNull(2) ? null : reader.GetInt32(2), reader.GetString(3), contacts,
            reader.GetString(5), reader.IsDBNull(6) ? null : reader.GetDouble(6), reader.IsDBNull(7) ? null : reader.GetDouble(7));
    }

    /// <summary>The devices bound to a site, by id.</summary>
    public async Task<IReadOnlyList<DeviceBinding>> DevicesOfAsync(SiteRef site, CancellationToken cancellationToken)
    {
        var column = site.Kind == SiteKind.Bed ? "bed_id" : "household_id";
        await using var command = dataSource.CreateCommand(
            $"SELECT device_id, kind, offline_after_seconds, gateway_id FROM devices WHERE {column} = @id ORDER BY device_id");
        command.Parameters.AddWithValue("id", site.Id);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var devices = new List<DeviceBinding>();
        while (await reader.ReadAsync(cancellationToken))
        {
            devices.Add(new DeviceBinding(reader.GetString(0), Enum.Parse<DeviceKind>(reader.GetString(1)), site,
                reader.IsDBNull(2) ? null : TimeSpan.FromSeconds(reader.GetInt32(2)), reader.IsDBNull(3) ? null : reader.GetString(3)));
        }

        return devices;
    }

    public async Task<BedDetails?> GetBedAsync(string bedId, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            SELECT b.facility_id, f.name, b.room, b.label, f.latitude, f.longitude FROM beds b LEFT JOIN facilities f ON f.facility_id = b.facility_id
            WHERE b.bed_id = @id
            """);
        command.Parameters.AddWithValue("id", bedId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken)
            ? new BedDetails(bedId, reader.IsDBNull(0) ? null : reader.GetString(0), reader.IsDBNull(1) ? null : reader.GetString(1),
                reader.GetString(2), reader.GetString(3),
                reader.IsDBNull(4) ? null : reader.GetDouble(4), reader.IsDBNull(5) ? null : reader.GetDouble(5))
            : null;
    }

    private static readonly System.Text.Json.JsonSerializerOptions ContactJson = new(System.Text.Json.JsonSerializerDefaults.Web);

    /// <summary>Creates or updates a bed; a facility that does not exist is an <see cref="UnknownReferenceException"/>.</summary>
    public async Task UpsertBedAsync(string bedId, string room, string label, string? facilityId, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            INSERT INTO beds (bed_id, room, label, facility_id) VALUES (@id, @room, @label, @facility)
            ON CONFLICT (bed_id) DO UPDATE SET room = excluded.room, label = excluded.label, facility_id = excluded.facility_id
            """);
        command.Parameters.Add(new NpgsqlParameter<string?>("facility", facilityId));
        command.Parameters.AddWithValue("id", bedId);
        command.Parameters.AddWithValue("room", room);
        command.Parameters.AddWithValue("label", label);
        await ForeignKeyViolations.Translate(() => command.ExecuteNonQueryAsync(cancellationToken), $"facility {facilityId}");
    }

    /// <summary>Binds a device to its site. The site must exist; an <see cref="UnknownReferenceException"/> says it does not.</summary>
    public async Task UpsertDeviceAsync(DeviceBinding binding, string? vendor, string? model, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            INSERT INTO devices (device_id, kind, household_id, bed_id, vendor, model, gateway_id, offline_after_seconds)
            VALUES (@id, @kind, @household, @bed, @vendor, @model, @gateway, @offlineAfter)
            ON CONFLICT (device_id) DO UPDATE
                SET kind = excluded.kind, household_id = excluded.household_id, bed_id = excluded.bed_id,
                    vendor = excluded.vendor, model = excluded.model, gateway_id = excluded.gateway_id,
                    offline_after_seconds = excluded.offline_after_seconds
            """);
        command.Parameters.AddWithValue("vendor", (object?)vendor ?? DBNull.Value);
        command.Parameters.AddWithValue("model", (object?)model ?? DBNull.Value);
        command.Parameters.AddWithValue("gateway", (object?)binding.GatewayId ?? DBNull.Value);
        command.Parameters.AddWithValue("offlineAfter", binding.OfflineAfter is { } t ? (int)t.TotalSeconds : DBNull.Value);
        command.Parameters.AddWithValue("id", binding.DeviceId);
        command.Parameters.AddWithValue("kind", binding.Kind.ToString());
        command.Parameters.AddWithValue("household", binding.Site.Kind == SiteKind.Household ? binding.Site.Id : DBNull.Value);
        command.Parameters.AddWithValue("bed", binding.Site.Kind == SiteKind.Bed ? binding.Site.Id : DBNull.Value);
        await ForeignKeyViolations.Translate(() => command.ExecuteNonQueryAsync(cancellationToken), binding.Site.ToString());
    }
}
