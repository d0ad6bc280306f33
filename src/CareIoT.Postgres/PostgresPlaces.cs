using CareIoT.Stores;
using CareIoT.Contracts;
using CareIoT.Contracts.Rotation;
using Npgsql;

namespace CareIoT.Postgres;

/// <summary>
/// Where sites are: facilities and the beds in them, households by community and coordinates. The
/// wall rotates through facilities and communities; the map places facilities and households.
/// </summary>
public sealed class PostgresPlaces(NpgsqlDataSource dataSource) : IPlaces
{
    public async Task UpsertFacilityAsync(FacilityDetails facility, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            INSERT INTO facilities (facility_id, name, address, latitude, longitude) VALUES ($1, $2, $3, $4, $5)
            ON CONFLICT (facility_id) DO UPDATE SET name = excluded.name, address = excluded.address,
                latitude = excluded.latitude, longitude = excluded.longitude
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = facility.FacilityId });
        command.Parameters.Add(new NpgsqlParameter { Value = facility.Name });
        command.Parameters.Add(new NpgsqlParameter { Value = facility.Address });
        command.Parameters.Add(new NpgsqlParameter<double?> { TypedValue = facility.Latitude });
        command.Parameters.Add(new NpgsqlParameter<double?> { TypedValue = facility.Longitude });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Every facility, and every community that has households (the empty name groups those without one).</summary>
    public async Task<IReadOnlyList<WallSite>> WallSitesAsync(CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            SELECT 'f', facility_id, name FROM facilities
            UNION ALL
            SELECT DISTINCT 'c', community, community FROM households
            """);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var sites = new List<WallSite>();
        while (await reader.ReadAsync(cancellationToken))
        {
            sites.Add(reader.GetString(0) == "f"
                ? new WallSite(WallSite.FacilityKey(reader.GetString(1)), WallSiteKind.Facility, reader.GetString(2))
                : new WallSite(WallSite.CommunityKey(reader.GetString(1)), WallSiteKind.HouseholdGroup, reader.GetString(2)));
        }

        return sites;
    }

    /// <summary>The wall tile a household or bed belongs to; null for a bed outside any facility.</summary>
    public async Task<string?> WallSiteOfAsync(SiteRef site, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(site.Kind == SiteKind.Bed
            ? "SELECT facility_id FROM beds WHERE bed_id = $1"
            : "SELECT community FROM households WHERE household_id = $1");
        command.Parameters.Add(new NpgsqlParameter { Value = site.Id });
        var value = await command.ExecuteScalarAsync(cancellationToken);
        return value is string key ? (site.Kind == SiteKind.Bed ? WallSite.FacilityKey(key) : WallSite.CommunityKey(key)) : null;
    }

    /// <summary>The households or beds of a wall tile and their devices.</summary>
    public async Task<IReadOnlyList<DeviceBinding>> DevicesOfWallSiteAsync(string wallSiteKey, CancellationToken cancellationToken)
    {
        var facility = wallSiteKey.StartsWith(WallSite.FacilityPrefix, StringComparison.Ordinal);
        await using var command = dataSource.CreateCommand(facility
            ? "SELECT d.device_id, d.kind, b.bed_id FROM beds b JOIN devices d ON d.bed_id = b.bed_id WHERE b.facility_id = $1"
            : "SELECT d.device_id, d.kind, h.household_id FROM households h JOIN devices d ON d.household_id = h.household_id WHERE h.community = $1");
        command.Parameters.Add(new NpgsqlParameter { Value = wallSiteKey[(facility ? WallSite.FacilityPrefix : WallSite.CommunityPrefix).Length..] });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var devices = new List<DeviceBinding>();
        while (await reader.ReadAsync(cancellationToken))
        {
            devices.Add(new DeviceBinding(reader.GetString(0), Enum.Parse<DeviceKind>(reader.GetString(1)),
                new SiteRef(facility ? SiteKind.Bed : SiteKind.Household, reader.GetString(2))));
        }

        return devices;
    }

    /// <summary>The number of households or beds of a wall tile.</summary>
    public async Task<int> CountOfWallSiteAsync(string wallSiteKey, CancellationToken cancellationToken)
    {
        var facility = wallSiteKey.StartsWith(WallSite.FacilityPrefix, StringComparison.Ordinal);
        await using var command = dataSource.CreateCommand(facility
            ? "SELECT count(*) FROM beds WHERE facility_id = $1"
            : "SELECT count(*) FROM households WHERE community = $1");
        command.Parameters.Add(new NpgsqlParameter { Value = wallSiteKey[(facility ? WallSite.FacilityPrefix : WallSite.CommunityPrefix).Length..] });
        return Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Facilities and households that have coordinates, for the map.</summary>
    public async Task<IReadOnlyList<MapPlace>> MapPlacesAsync(CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            SELECT 'Facility', facility_id, name, latitude, longitude, facility_id FROM facilities WHERE latitude IS NOT NULL AND longitude IS NOT NULL
            UNION ALL
            SELECT 'Household', household_id, elder_name, latitude, longitude, community FROM households WHERE latitude IS NOT NULL AND longitude IS NOT NULL
            """);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var places = new List<MapPlace>();
        while (await reader.ReadAsync(cancellationToken))
        {
            var isFacility = reader.GetString(0) == "Facility";
            places.Add(new MapPlace(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetDouble(3), reader.GetDouble(4),
                isFacility ? WallSite.FacilityKey(reader.GetString(5)) : WallSite.CommunityKey(reader.GetString(5))));
        }

        return places;
    }
}

