using CareIoT.Contracts;

namespace CareIoT.Grains.Tests;

[Collection(ClusterCollection.Name)]
public sealed class GrainReferencesTests(ClusterFixture cluster)
{
    [Fact]
    public void KeyedReferenceIsTheSameGrainAndInterfaceAsOrleansOwn()
    {
        var key = ClusterFixture.NewId("ref");

        var quick = (GrainReference)(object)cluster.Client.GetGrainByKey<IHouseholdGrain>(key);
        var usual = (GrainReference)(object)cluster.Client.GetGrain<IHouseholdGrain>(key);

        Assert.Equal(usual.GrainId, quick.GrainId);
        Assert.Equal(usual.InterfaceType, quick.InterfaceType);
        Assert.Equal(key, quick.GetPrimaryKeyString());
    }

    [Fact]
    public async Task KeyedReferenceReachesTheGrain()
    {
        var deviceId = ClusterFixture.NewId("stray");

        var result = await cluster.Client.GetGrainByKey<IDeviceGrain>(deviceId).Receive(cluster.Message(deviceId));

        Assert.Equal(DeliveryOutcome.UnknownDevice, result.Outcome);
        Assert.Equal(1, cluster.Registry.LookupsOf(deviceId));
    }
}
