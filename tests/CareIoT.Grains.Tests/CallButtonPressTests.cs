using CareIoT.Contracts;

namespace CareIoT.Grains.Tests;

[Collection(ClusterCollection.Name)]
public sealed class CallButtonPressTests(ClusterFixture cluster)
{
    [Fact]
    public async Task CallButtonPressOnABoundDeviceRaisesOneCriticalPersonalEmergency()
    {
        var button = cluster.Install();

        var result = await cluster.Device(button.DeviceId).Receive(cluster.Message(button.DeviceId));

        Assert.Equal(DeliveryOutcome.Accepted, result.Outcome);
        var alert = Assert.IsType<AlertSnapshot>(result.Alert);
        Assert.Equal(AlertCause.PersonalEmergency, alert.Cause);
        Assert.Equal(AlertPriority.Critical, alert.Priority);
        Assert.Equal(AlertStatus.Raised, alert.Status);
        Assert.Equal(button.Site, alert.Site);
        Assert.Equal(button.DeviceId, alert.DeviceId);
        Assert.Equal(1, alert.Occurrences);
        Assert.Equal(alert, Assert.Single(cluster.Journal.AlertsAt(button.Site)));
        Assert.Equal(alert, Assert.Single(await cluster.Site(button.Site).GetOpenAlerts()));
        Assert.Equal(alert, Assert.Single(cluster.Notifier.PushedFor(button.Site)));
    }

    [Fact]
    public async Task SecondPressWithANewMessageIdRepeatsTheOpenAlert()
    {
        var button = cluster.Install();
        var device = cluster.Device(button.DeviceId);

        var first = await device.Receive(cluster.Message(button.DeviceId));
        cluster.Time.Advance(TimeSpan.FromSeconds(20));
        var second = await device.Receive(cluster.Message(button.DeviceId));

        Assert.Equal(DeliveryOutcome.Accepted, second.Outcome);
        Assert.Equal(first.Alert!.AlertId, second.Alert!.AlertId);
        Assert.Equal(2, second.Alert.Occurrences);
        Assert.Equal(first.Alert.RaisedAt, second.Alert.RaisedAt);
        Assert.Equal(cluster.Time.GetUtcNow(), second.Alert.LastSeenAt);
        var journaled = Assert.Single(cluster.Journal.AlertsAt(button.Site));
        Assert.Equal(2, journaled.Occurrences);
        var open = Assert.Single(await cluster.Site(button.Site).GetOpenAlerts());
        Assert.Equal(2, open.Occurrences);
        Assert.Equal([1, 2], cluster.Notifier.PushedFor(button.Site).Select(a => a.Occurrences));
    }

    [Theory]
    [InlineData(DeviceMessageType.Heartbeat)]
    [InlineData(DeviceMessageType.Cancel)]
    public async Task MessageOtherThanAPressRaisesNothing(DeviceMessageType type)
    {
        var button = cluster.Install();

        var result = await cluster.Device(button.DeviceId).Receive(cluster.Message(button.DeviceId, type));

        Assert.Equal(DeliveryOutcome.Accepted, result.Outcome);
        Assert.Null(result.Alert);
        Assert.Empty(cluster.Journal.AlertsAt(button.Site));
        Assert.Empty(await cluster.Site(button.Site).GetOpenAlerts());
        Assert.Empty(cluster.Notifier.PushedFor(button.Site));
    }

    [Fact]
    public async Task SmokeAlarmSoundingRaisesAFireAlertAtTheHighestPriority()
    {
        var alarm = cluster.Install(DeviceKind.SmokeAlarm);

        var result = await cluster.Device(alarm.DeviceId).Receive(cluster.Message(alarm.DeviceId, DeviceMessageType.SmokeAlarm));

        Assert.Equal(DeliveryOutcome.Accepted, result.Outcome);
        var fire = Assert.Single(cluster.Journal.AlertsAt(alarm.Site));
        Assert.Equal((AlertCause.Fire, AlertPriority.Highest), (fire.Cause, fire.Priority));
        Assert.Equal(fire, result.Alert);
    }

    [Fact]
    public async Task BedBoundCallButtonRaisesTheAlertOnTheBed()
    {
        var button = cluster.Install(site: SiteKind.Bed);

        var result = await cluster.Device(button.DeviceId).Receive(cluster.Message(button.DeviceId));

        var alert = Assert.IsType<AlertSnapshot>(result.Alert);
        Assert.Equal(SiteKind.Bed, alert.Site.Kind);
        Assert.Equal(button.Site.Id, alert.Site.Id);
        Assert.Equal(alert, Assert.Single(await cluster.Client.GetGrain<IBedGrain>(button.Site.Id).GetOpenAlerts()));
        Assert.Empty(await cluster.Client.GetGrain<IHouseholdGrain>(button.Site.Id).GetOpenAlerts());
        Assert.Equal(alert, Assert.Single(cluster.Journal.AlertsAt(button.Site)));
    }
}
