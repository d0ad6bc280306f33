namespace CareIoT.Grains.Tests;

/// <summary>Grain tests share one silo; xUnit runs the tests of a collection one at a time.</summary>
[CollectionDefinition(Name)]
public sealed class ClusterCollection : ICollectionFixture<ClusterFixture>
{
    public const string Name = "Orleans cluster";
}
