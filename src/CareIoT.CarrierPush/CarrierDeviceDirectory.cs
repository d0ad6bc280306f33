using System.Collections.Frozen;

namespace CareIoT.CarrierPush;

/// <summary>
/// The bound devices in memory, keyed by what a push names them by (OneNET: <c>dev_id</c>; CTWing: IMEI
/// or <c>deviceId</c>): read whole, again when older than <see cref="CarrierPushOptions.DeviceRefresh"/>,
/// and at once (at most every few seconds) when a push names a device not seen yet.
/// </summary>
public sealed class CarrierDeviceDirectory(ICarrierDevices devices, Microsoft.Extensions.Options.IOptions<CarrierPushOptions> options, TimeProvider time)
{
    private static readonly TimeSpan MinimumRecheck = TimeSpan.FromSeconds(5);
    private readonly SemaphoreSlim _loading = new(1, 1);
    private FrozenDictionary<string, CarrierDevice> _bound = FrozenDictionary<string, CarrierDevice>.Empty;
    private DateTimeOffset _loadedAt = DateTimeOffset.MinValue;

    public async Task<CarrierDevice?> FindAsync(CarrierPlatform platform, string key, CancellationToken cancellationToken)
    {
        await RefreshAsync(options.Value.DeviceRefresh, cancellationToken);
        if (_bound.GetValueOrDefault(Key(platform, key)) is { } found)
        {
            return found;
        }

        return await RefreshAsync(MinimumRecheck, cancellationToken) ? _bound.GetValueOrDefault(Key(platform, key)) : null;
    }

    /// <summary>Reads the bindings again if the last read is older than <paramref name="maxAge"/>; true when it read.</summary>
    public async Task<bool> RefreshAsync(TimeSpan maxAge, CancellationToken cancellationToken)
    {
        if (time.GetUtcNow() - _loadedAt < maxAge)
        {
            return false;
        }

        await _loading.WaitAsync(cancellationToken);
        try
        {
            if (time.GetUtcNow() - _loadedAt < maxAge)
            {
                return false;
            }

            var read = await devices.ListAsync(cancellationToken);
            var keyed = new Dictionary<string, CarrierDevice>(StringComparer.Ordinal);
            foreach (var device in read)
            {
                keyed[Key(device.Platform, device.PlatformDeviceId)] = device;
                if (device.Platform == CarrierPlatform.Ctwing)
                {
                    keyed[Key(device.Platform, device.Imei)] = device;
                }
            }

            _bound = keyed.ToFrozenDictionary(StringComparer.Ordinal);
            _loadedAt = time.GetUtcNow();
            return true;
        }
        finally
        {
            _loading.Release();
        }
    }

    private static string Key(CarrierPlatform platform, string key) => $"{platform.Name()}:{key}";
}
