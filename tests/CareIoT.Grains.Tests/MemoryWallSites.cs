using System.Collections.Concurrent;
using CareIoT.Contracts;
using CareIoT.Contracts.Rotation;

namespace CareIoT.Grains.Tests;

/// <summary>The registry's wall tiles for the test cluster: a site is on the tile a test put it on, or on none.</summary>
public sealed class MemoryWallSites : IWallSites
{
    public ConcurrentDictionary<SiteRef, string> Tiles { get; } = new();

    public Task<string?> WallSiteOfAsync(SiteRef site, CancellationToken cancellationToken) =>
        Task.FromResult(Tiles.TryGetValue(site, out var key) ? key : null);
}
