namespace CareIoT.IntegrationTests;

/// <summary>
/// A host of its own that reaches the broker through a <see cref="TcpLink"/> the test can cut; it checks itself
/// every second and calls 5 s without a device message silence.
/// </summary>
public sealed class SelfWatchHostFixture : CareIoTHostFixture
{
    public TcpLink Link { get; private set; } = null!;

    protected override void Configure(Dictionary<string, string> environment)
    {
        Link = new TcpLink(int.Parse(environment["Mqtt__Port"], System.Globalization.CultureInfo.InvariantCulture));
        environment["Mqtt__Port"] = Link.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        environment["SelfWatch__CheckEvery"] = "00:00:01";
        environment["SelfWatch__SilenceLimit"] = "00:00:05";
    }
}

[CollectionDefinition(Name)]
public sealed class SelfWatchHostCollection : ICollectionFixture<SelfWatchHostFixture>
{
    public const string Name = "Self-watch host";
}
