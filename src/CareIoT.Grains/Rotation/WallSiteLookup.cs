using System.Collections.Concurrent;
using CareIoT.Contracts;
using CareIoT.Contracts.Rotation;

namespace CareIoT.Grains.Rotation;

/// <summary>Which wall tile a household or bed belongs to, remembered for a minute so an alarm burst does not query per alert.</summary>
public sealed class WallSiteLookup(IWallSites places, TimeProvider time)
{
    private static readonly TimeSpan Remember = TimeSpan.FromMinutes(1);
    private readonly ConcurrentDictionary<SiteRef, (string? Key, DateTimeOffset Until)> _known = new();

    public async Task<string?> WallSiteOfAsync(SiteRef site, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (_known.TryGetValue(site, out var known) && known.Until > now)
        {
            return known.Key;
        }

        var key = await places.WallSiteOfAsync(site, cancellationToken);
        _known[site] = (key, now + Remember);
        return key;
    }
}
