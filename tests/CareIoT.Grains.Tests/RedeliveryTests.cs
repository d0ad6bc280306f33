using CareIoT.Contracts;

namespace CareIoT.Grains.Tests;

[Collection(ClusterCollection.Name)]
public sealed class RedeliveryTests(ClusterFixture cluster)
{
    [Fact]
    public async Task SameMessageIdDeliveredTwiceIsADuplicateAndChangesNothing()
    {
        var button = cluster.Install();
        var device = cluster.Device(button.DeviceId);
        var press = cluster.Message(button.DeviceId);
        var first = await device.Receive(press);
        var writes = cluster.Journal.Writes;

        var again = await device.Receive(press);

        Assert.Equal(DeliveryOutcome.Duplicate, again.Outcome);
        Assert.Null(again.Alert);
        Assert.Equal(writes, cluster.Journal.Writes);
        Assert.Equal(first.Alert, Assert.Single(cluster.Journal.AlertsAt(button.Site)));
        Assert.Equal(first.Alert, Assert.Single(await cluster.Site(button.Site).GetOpenAlerts()));
        Assert.Single(cluster.Notifier.PushedFor(button.Site));
    }

    [Fact]
    public async Task PressThatFailedWhileTheJournalWasDownIsProcessedWhenRedelivered()
    {
        var button = cluster.Install();
        var device = cluster.Device(button.DeviceId);
        var press = cluster.Message(button.DeviceId);

        cluster.Journal.IsDown = true;
        try
        {
            await Assert.ThrowsAsync<InvalidOperationException>(() => device.Receive(press));
        }
        finally
        {
            cluster.Journal.IsDown = false;
        }

        Assert.Empty(cluster.Journal.AlertsAt(button.Site));
        Assert.Empty(await cluster.Site(button.Site).GetOpenAlerts());

        var redelivered = await device.Receive(press);

        Assert.Equal(DeliveryOutcome.Accepted, redelivered.Outcome);
        var alert = Assert.IsType<AlertSnapshot>(redelivered.Alert);
        Assert.Equal(AlertCause.PersonalEmergency, alert.Cause);
        Assert.Equal(alert, Assert.Single(cluster.Journal.AlertsAt(button.Site)));
        Assert.Equal(alert, Assert.Single(await cluster.Site(button.Site).GetOpenAlerts()));
    }

    [Fact]
    public async Task RepeatThatFailedWhileTheJournalWasDownIsCountedOnceWhenRedelivered()
    {
        var button = cluster.Install();
        var device = cluster.Device(button.DeviceId);
        await device.Receive(cluster.Message(button.DeviceId));
        var secondPress = cluster.Message(button.DeviceId);

        cluster.Journal.IsDown = true;
        try
        {
            await Assert.ThrowsAsync<InvalidOperationException>(() => device.Receive(secondPress));
        }
        finally
        {
            cluster.Journal.IsDown = false;
        }

        var redelivered = await device.Receive(secondPress);
        var duplicate = await device.Receive(secondPress);

        Assert.Equal(2, redelivered.Alert!.Occurrences);
        Assert.Equal(DeliveryOutcome.Duplicate, duplicate.Outcome);
        Assert.Equal(2, Assert.Single(cluster.Journal.AlertsAt(button.Site)).Occurrences);
        Assert.Equal(2, Assert.Single(await cluster.Site(button.Site).GetOpenAlerts()).Occurrences);
    }

    [Fact]
    public async Task NotifierThatThrowsDoesNotFailTheDelivery()
    {
        var button = cluster.Install();

        cluster.Notifier.IsDown = true;
        DeliveryResult result;
        try
        {
            result = await cluster.Device(button.DeviceId).Receive(cluster.Message(button.DeviceId));
        }
        finally
        {
            cluster.Notifier.IsDown = false;
        }

        Assert.Equal(DeliveryOutcome.Accepted, result.Outcome);
        Assert.NotNull(result.Alert);
        Assert.Single(cluster.Journal.AlertsAt(button.Site));
        Assert.Single(await cluster.Site(button.Site).GetOpenAlerts());
        Assert.Empty(cluster.Notifier.PushedFor(button.Site));
    }
}
