using CareIoT.Contracts;

namespace CareIoT.Grains.Tests;

[Collection(ClusterCollection.Name)]
public sealed class ConcurrentPressTests(ClusterFixture cluster)
{
    [Fact]
    public async Task TwentyConcurrentPressesOpenExactlyOneAlertCountedTwentyTimes()
    {
        var button = cluster.Install();
        var device = cluster.Device(button.DeviceId);

        var results = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => device.Receive(cluster.Message(button.DeviceId))));

        Assert.All(results, r => Assert.Equal(DeliveryOutcome.Accepted, r.Outcome));
        Assert.Single(results.Select(r => r.Alert!.AlertId).Distinct());
        var open = Assert.Single(await cluster.Site(button.Site).GetOpenAlerts());
        Assert.Equal(20, open.Occurrences);
        Assert.Equal(20, Assert.Single(cluster.Journal.AlertsAt(button.Site)).Occurrences);
    }

    [Fact]
    public async Task ConcurrentPressesFromSeveralButtonsOfOneHouseholdOpenExactlyOneAlert()
    {
        var first = cluster.Install();
        var buttons = Enumerable.Range(0, 4)
            .Select(i => i == 0 ? first : first with { DeviceId = ClusterFixture.NewId("dev") })
            .ToList();
        buttons.ForEach(cluster.Registry.Register);

        var presses = buttons.SelectMany(b => Enumerable.Range(0, 5).Select(_ => cluster.Message(b.DeviceId)));
        var results = await Task.WhenAll(presses.Select(m => cluster.Device(m.DeviceId).Receive(m)));

        Assert.Equal(20, results.Length);
        Assert.Single(results.Select(r => r.Alert!.AlertId).Distinct());
        var open = Assert.Single(await cluster.Site(first.Site).GetOpenAlerts());
        Assert.Equal(20, open.Occurrences);
        Assert.Single(cluster.Journal.AlertsAt(first.Site));
    }
}
