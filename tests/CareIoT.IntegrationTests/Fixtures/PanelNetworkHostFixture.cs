namespace CareIoT.IntegrationTests;

/// <summary>
/// A host of its own whose DC-09 receiver trusts keyless panel accounts only from a network the
/// tests are not on (192.0.2.0/24, documentation space), so loopback is an outsider there.
/// </summary>
public sealed class PanelNetworkHostFixture : CareIoTHostFixture
{
    protected override void Configure(Dictionary<string, string> environment) =>
        environment["Dc09__PlainAccountNetworks__0"] = "192.0.2.0/24";
}

[CollectionDefinition(Name)]
public sealed class PanelNetworkHostCollection : ICollectionFixture<PanelNetworkHostFixture>
{
    public const string Name = "Panel network host";
}
