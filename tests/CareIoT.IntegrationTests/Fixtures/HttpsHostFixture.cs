using System.Globalization;

namespace CareIoT.IntegrationTests;

/// <summary>
/// A host of its own that also serves HTTPS on all interfaces (<c>Https:Port</c>), with the web
/// certificate deploy/services.sh names in runtime.json, as deploy/run.sh starts the silos.
/// </summary>
public sealed class HttpsHostFixture : CareIoTHostFixture
{
    public int HttpsPort { get; } = FreePort.Next();

    protected override void Configure(Dictionary<string, string> environment) =>
        environment["Https__Port"] = HttpsPort.ToString(CultureInfo.InvariantCulture);
}

[CollectionDefinition(Name)]
public sealed class HttpsHostCollection : ICollectionFixture<HttpsHostFixture>
{
    public const string Name = "HTTPS host";
}
