using CareIoT.Contracts;

namespace CareIoT.Grains.Tests;

[Collection(ClusterCollection.Name)]
public sealed class DeviceBindingTests(ClusterFixture cluster)
{
    [Fact]
    public async Task UnregisteredDeviceIsReportedAsUnknown()
    {
        var deviceId = ClusterFixture.NewId("stray");

        var result = await cluster.Device(deviceId).Receive(cluster.Message(deviceId));

        Assert.Equal(DeliveryOutcome.UnknownDevice, result.Outcome);
        Assert.Null(result.Alert);
    }

    [Fact]
    public async Task UnknownDeviceIsLookedUpAgainOnlyAfterThirtySeconds()
    {
        var deviceId = ClusterFixture.NewId("stray");
        var device = cluster.Device(deviceId);

        await device.Receive(cluster.Message(deviceId));
        cluster.Time.Advance(TimeSpan.FromSeconds(29));
        await device.Receive(cluster.Message(deviceId));
        Assert.Equal(1, cluster.Registry.LookupsOf(deviceId));

        cluster.Time.Advance(TimeSpan.FromSeconds(2));
        await device.Receive(cluster.Message(deviceId));
        Assert.Equal(2, cluster.Registry.LookupsOf(deviceId));
    }

    [Fact]
    public async Task DeviceRegisteredAfterAnUnknownLookupIsFoundOnceTheRecheckIsDue()
    {
        var deviceId = ClusterFixture.NewId("late");
        var device = cluster.Device(deviceId);
        await device.Receive(cluster.Message(deviceId));
        var binding = new DeviceBinding(deviceId, DeviceKind.CallButton, new SiteRef(SiteKind.Household, ClusterFixture.NewId("household")));
        cluster.Registry.Register(binding);

        var tooSoon = await device.Receive(cluster.Message(deviceId));
        cluster.Time.Advance(TimeSpan.FromSeconds(31));
        var later = await device.Receive(cluster.Message(deviceId));

        Assert.Equal(DeliveryOutcome.UnknownDevice, tooSoon.Outcome);
        Assert.Equal(DeliveryOutcome.Accepted, later.Outcome);
        Assert.Equal(binding.Site, later.Alert!.Site);
    }

    [Fact]
    public async Task RebindSendsTheDevicesNextMessagesToTheNewSite()
    {
        var button = cluster.Install();
        var device = cluster.Device(button.DeviceId);
        await device.Receive(cluster.Message(button.DeviceId));
        var moved = button with { Site = new SiteRef(SiteKind.Bed, ClusterFixture.NewId("bed")) };
        cluster.Registry.Register(moved);

        await device.Rebind(moved);
        var result = await device.Receive(cluster.Message(button.DeviceId));

        Assert.Equal(moved.Site, result.Alert!.Site);
        Assert.Equal(1, result.Alert.Occurrences);
        Assert.Single(await cluster.Site(moved.Site).GetOpenAlerts());
        Assert.Equal(1, Assert.Single(await cluster.Site(button.Site).GetOpenAlerts()).Occurrences);
    }

    [Fact]
    public async Task RebindToNothingMakesTheDeviceUnknown()
    {
        var button = cluster.Install();
        var device = cluster.Device(button.DeviceId);
        await device.Receive(cluster.Message(button.DeviceId, DeviceMessageType.Heartbeat));

        await device.Rebind(null);
        var result = await device.Receive(cluster.Message(button.DeviceId));

        Assert.Equal(DeliveryOutcome.UnknownDevice, result.Outcome);
        Assert.Empty(cluster.Journal.AlertsAt(button.Site));
    }
}
