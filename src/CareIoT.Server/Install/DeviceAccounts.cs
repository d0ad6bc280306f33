using CareIoT.Contracts;
using CareIoT.Stores;

namespace CareIoT.Server.Install;

/// <summary>
/// Which broker accounts the installers' API may issue, reset or revoke: those of registered devices
/// only — never the platform's own accounts (the ingest service and anything named <c>careiot-…</c>,
/// which <c>deploy/services.sh</c> alone manages) and never a Zigbee2MQTT gateway's (a gateway speaks
/// for many devices). The registry is asked before the broker is touched.
/// </summary>
public sealed class DeviceAccounts(IConfiguration config, IRegistry registry)
{
    public const string PlatformPrefix = "careiot-";

    public bool IsPlatformAccount(string id) =>
        id.StartsWith(PlatformPrefix, StringComparison.OrdinalIgnoreCase)
        || string.Equals(id, config["Mqtt:Username"], StringComparison.OrdinalIgnoreCase);

    /// <summary>Why <paramref name="id"/> may not become a device's account, or null if it may.</summary>
    public async Task<string?> RefusalAsync(string id, CancellationToken cancellationToken) =>
        IsPlatformAccount(id) ? $"'{id}' is reserved for the platform's own broker accounts"
        : await registry.IsGatewayAsync(id, cancellationToken) ? $"'{id}' is a gateway's broker account"
        : null;

    /// <summary>The registered device whose account an installer may manage, or null (unknown, platform or gateway).</summary>
    public async Task<DeviceBinding?> ManageableAsync(string id, CancellationToken cancellationToken) =>
        await RefusalAsync(id, cancellationToken) is null ? await registry.FindAsync(id, cancellationToken) : null;
}
