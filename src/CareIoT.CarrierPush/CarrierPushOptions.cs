namespace CareIoT.CarrierPush;

/// <summary>One platform's push settings: the shared secret, and whether pushes must prove it.</summary>
public sealed class CarrierPlatformOptions
{
    /// <summary>OneNET: the push instance's Token. CTWing: the secret of <see cref="CtwingSignature"/>. From the deployment's secrets, never the repository.</summary>
    public string? Token { get; set; }

    /// <summary>
    /// Off only for a test platform, by an installer: then unsigned pushes are accepted (and counted as
    /// <c>unverified</c>). With it on and no token configured, every push is refused.
    /// </summary>
    public bool VerifySignatures { get; set; } = true;
}

/// <summary>Settings of the carrier push receivers (section <c>CarrierPush</c>).</summary>
public sealed class CarrierPushOptions
{
    public const string Section = "CarrierPush";

    public CarrierPlatformOptions OneNet { get; set; } = new();

    public CarrierPlatformOptions Ctwing { get; set; } = new();

    /// <summary>The product file, relative to the host's directory.</summary>
    public string ProductFile { get; set; } = "carrier-products.json";

    /// <summary>A larger push is refused with 413 (OneNET's batched pushes of many records stay well below).</summary>
    public int MaxPushBytes { get; set; } = 64 * 1024;

    /// <summary>Records accepted but not yet processed; when full a push gets 503 and the platform pushes it again.</summary>
    public int QueueCapacity { get; set; } = 2048;

    /// <summary>An inbox row older than this that no one has in hand was left by a silo that died: any silo's sweep takes it.</summary>
    public TimeSpan InboxStaleAfter { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How often the inbox is swept for rows left behind.</summary>
    public TimeSpan InboxSweepInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>A record whose platform time is older than this is a replay, not a retry: refused.</summary>
    public TimeSpan ReplayWindow { get; set; } = TimeSpan.FromHours(1);

    /// <summary>A record from further in the future than this (clock skew) is refused too.</summary>
    public TimeSpan MaxAhead { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How old the in-memory bindings may get before they are read again.</summary>
    public TimeSpan DeviceRefresh { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Dead letters written per second at most; a flood is counted in full but cannot fill the database.</summary>
    public int DeadLettersPerSecond { get; set; } = 20;

    /// <summary>How many record ids are remembered to answer a re-push as a duplicate without a grain call.</summary>
    public int RememberedIds { get; set; } = 100_000;

    public CarrierPlatformOptions For(CarrierPlatform platform) => platform == CarrierPlatform.OneNet ? OneNet : Ctwing;
}
