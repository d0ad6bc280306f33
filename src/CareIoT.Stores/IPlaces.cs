using CareIoT.Contracts;
using CareIoT.Contracts.Rotation;

namespace CareIoT.Stores;

/// <summary>Facilities, communities and where they are: the wall's tiles and the map.</summary>
public interface IPlaces : IWallSites
{
    Task UpsertFacilityAsync(FacilityDetails facility, CancellationToken cancellationToken);

    /// <summary>Every facility, and every community that has households (the empty name groups those without one).</summary>
    Task<IReadOnlyList<WallSite>> WallSitesAsync(CancellationToken cancellationToken);

    /// <summary>The households or beds of a wall tile and their devices.</summary>
    Task<IReadOnlyList<DeviceBinding>> DevicesOfWallSiteAsync(string wallSiteKey, CancellationToken cancellationToken);

    /// <summary>The number of households or beds of a wall tile.</summary>
    Task<int> CountOfWallSiteAsync(string wallSiteKey, CancellationToken cancellationToken);

    /// <summary>Facilities and households that have coordinates, for the map.</summary>
    Task<IReadOnlyList<MapPlace>> MapPlacesAsync(CancellationToken cancellationToken);
}
