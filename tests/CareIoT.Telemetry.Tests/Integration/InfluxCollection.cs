namespace CareIoT.Telemetry.Tests.Integration;

/// <summary>The tests against the real influxd run one at a time: one of them stops and restarts it.</summary>
[CollectionDefinition(Name)]
public sealed class InfluxCollection : ICollectionFixture<InfluxFixture>
{
    public const string Name = "influxdb";
}
