namespace CareIoT.PanelReceiver;

/// <summary>Configuration section <c>Dc09</c>: where panels reach the centre and how much any one of them may take.</summary>
public sealed class PanelReceiverOptions
{
    public const string Section = "Dc09";

    public bool Enabled { get; set; } = true;

    /// <summary>The address to listen on: loopback by default; a centre sets the interface its panels reach.</summary>
    public string Host { get; set; } = "127.0.0.1";

    /// <summary>TCP and UDP port (one number for both, as panels are configured with one). 0 picks a free port (tests).</summary>
    public int Port { get; set; } = 9590;

    public bool Udp { get; set; } = true;

    /// <summary>A listener that cannot bind (the port taken) or fails tries again after this long; meanwhile the self-watch reports it.</summary>
    public TimeSpan RebindEvery { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Open TCP connections at most; a connection beyond this is closed at once and counted.</summary>
    public int MaxConnections { get; set; } = 512;

    /// <summary>A connection that sends nothing for this long is closed (panels reconnect per message or keep a link alive with NULL).</summary>
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Datagrams handled at once; beyond this a datagram is dropped and counted (the panel retransmits).</summary>
    public int MaxConcurrentDatagrams { get; set; } = 64;

    public int MaxFrameBytes { get; set; } = 1024;

    /// <summary>How far an encrypted message's timestamp may lag the receiver's clock before it gets a NAK.</summary>
    public TimeSpan MaxBehind { get; set; } = TimeSpan.FromSeconds(40);

    /// <summary>How far an encrypted message's timestamp may lead the receiver's clock before it gets a NAK.</summary>
    public TimeSpan MaxAhead { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>The centre-editable vendor code table (relative to the host's directory).</summary>
    public string EventMap { get; set; } = "panel-event-map.json";

    /// <summary>How often bound accounts are re-read from the registry (a binding on another node is seen within this).</summary>
    public TimeSpan AccountRefresh { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Networks (CIDR) from which panel accounts without a key may send plain frames (<see cref="PlainPanelNetworks"/>).
    /// Loopback only when not set (<see cref="LoopbackNetworks"/>); a centre lists its panels' private network here, or
    /// gives every account a key. (Not a default value of the list: the configuration binder would add to it, not replace it.)
    /// </summary>
    public IReadOnlyList<string>? PlainAccountNetworks { get; set; }

    public static IReadOnlyList<string> LoopbackNetworks { get; } = ["127.0.0.0/8", "::1/128"];

    /// <summary>Dead letters written per second at most; beyond it a flood of garbage is only counted.</summary>
    public int DeadLettersPerSecond { get; set; } = 20;
}
