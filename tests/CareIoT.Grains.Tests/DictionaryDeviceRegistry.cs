using System.Collections.Concurrent;
using CareIoT.Contracts;

namespace CareIoT.Grains.Tests;

/// <summary>The installer's registry as a dictionary the tests fill; counts lookups per device.</summary>
public sealed class DictionaryDeviceRegistry : IDeviceRegistry
{
    private readonly ConcurrentDictionary<string, DeviceBinding> _bindings = new();
    private readonly ConcurrentDictionary<string, int> _lookups = new();

    public Task<DeviceBinding?> FindAsync(string deviceId, CancellationToken cancellationToken)
    {
        _lookups.AddOrUpdate(deviceId, 1, (_, n) => n + 1);
        return Task.FromResult(_bindings.TryGetValue(deviceId, out var binding) ? binding : null);
    }

    public void Register(DeviceBinding binding) => _bindings[binding.DeviceId] = binding;

    /// <summary>How often a device grain asked for this device.</summary>
    public int LookupsOf(string deviceId) => _lookups.TryGetValue(deviceId, out var n) ? n : 0;
}
