using System.Net;
using Microsoft.Extensions.Options;

namespace CareIoT.PanelReceiver;

/// <summary>
/// Where a panel account without a key may speak from. DC-09 without encryption has no secret at all:
/// anyone who reaches the receiver can send a frame in any account's name (a forged restore or
/// heartbeat that hides a real alarm or outage). Plain frames are therefore accepted only from the
/// networks in <see cref="PanelReceiverOptions.PlainAccountNetworks"/> — the carrier's private APN or
/// the alarm-transmission network the panels sit on; loopback alone by default. Encrypted accounts
/// are accepted from anywhere (their key is the proof).
/// </summary>
public sealed class PlainPanelNetworks
{
    private readonly IPNetwork[] _networks;

    public PlainPanelNetworks(IOptions<PanelReceiverOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _networks = [.. (options.Value.PlainAccountNetworks ?? PanelReceiverOptions.LoopbackNetworks).Select(Parse)];
        Description = string.Join(", ", _networks);
    }

    /// <summary>The networks, as configured (for log lines).</summary>
    public string Description { get; }

    /// <summary>True when <paramref name="remote"/> (an "address:port" as the listeners report it) lies in one of the networks.</summary>
    public bool Allows(string remote)
    {
        if (!IPEndPoint.TryParse(remote, out var endpoint))
        {
            return false;
        }

        var address = endpoint.Address.IsIPv4MappedToIPv6 ? endpoint.Address.MapToIPv4() : endpoint.Address;
        return _networks.Any(n => n.Contains(address));
    }

    private static IPNetwork Parse(string text) =>
        IPNetwork.TryParse(text, out var network)
            ? network
            : throw new OptionsValidationException(PanelReceiverOptions.Section, typeof(PanelReceiverOptions),
                [$"Dc09:PlainAccountNetworks: '{text}' is not a network in CIDR form (e.g. 10.20.0.0/16)"]);
}
