using CareIoT.Contracts;

namespace CareIoT.Grains.Tests;

/// <summary>A device's readings handed over together: the same effects as one by one, in order, durable or not at all.</summary>
[Collection(ClusterCollection.Name)]
public sealed class BatchDeliveryTests(ClusterFixture cluster)
{
    [Fact]
    public async Task ABatchOfReadingsIsRecordedInOrderAndTheLastReadingIsTheBedsLiveVitals()
    {
        var mattress = cluster.Install(DeviceKind.Mattress, SiteKind.Bed);
        var readings = Enumerable.Range(0, 5).Select(i => Vitals(mattress.DeviceId, heartRate: 60 + i)).ToArray();

        var outcomes = await cluster.Device(mattress.DeviceId).ReceiveBatch(new DeviceMessageBatch(readings));

        Assert.All(outcomes, o => Assert.Equal(DeliveryOutcome.Accepted, o));
        Assert.Equal(readings.Select(r => r.MessageId), cluster.Telemetry.Messages.Where(m => m.DeviceId == mattress.DeviceId).Select(m => m.MessageId));
        Assert.Equal(64, (await cluster.Client.GetGrain<IBedGrain>(mattress.Site.Id).GetVitals())!.HeartRate);
    }

    [Fact]
    public async Task RepeatsInsideABatchAndOfEarlierMessagesAreDuplicates()
    {
        var mattress = cluster.Install(DeviceKind.Mattress, SiteKind.Bed);
        var device = cluster.Device(mattress.DeviceId);
        var earlier = Vitals(mattress.DeviceId, heartRate: 70);
        await device.Receive(earlier);
        var fresh = Vitals(mattress.DeviceId, heartRate: 71);

        var outcomes = await device.ReceiveBatch(new DeviceMessageBatch([earlier, fresh, fresh]));

        Assert.Equal([DeliveryOutcome.Duplicate, DeliveryOutcome.Accepted, DeliveryOutcome.Duplicate], outcomes);
        Assert.Equal(2, cluster.Telemetry.Messages.Count(m => m.DeviceId == mattress.DeviceId));
    }

    [Fact]
    public async Task ABatchWithAnAlarmThatFailedWhileTheJournalWasDownKeepsNothingAndIsProcessedWholeWhenRedelivered()
    {
        var button = cluster.Install();
        var device = cluster.Device(button.DeviceId);
        var batch = new DeviceMessageBatch([cluster.Message(button.DeviceId, DeviceMessageType.Heartbeat), cluster.Message(button.DeviceId)]);

        cluster.Journal.IsDown = true;
        try
        {
            await Assert.ThrowsAsync<InvalidOperationException>(() => device.ReceiveBatch(batch));
        }
        finally
        {
            cluster.Journal.IsDown = false;
        }

        Assert.DoesNotContain(cluster.Telemetry.Messages, m => m.DeviceId == button.DeviceId);
        var outcomes = await device.ReceiveBatch(batch);

        Assert.Equal([DeliveryOutcome.Accepted, DeliveryOutcome.Accepted], outcomes);
        Assert.Equal(AlertCause.PersonalEmergency, Assert.Single(cluster.Journal.AlertsAt(button.Site)).Cause);
    }

    private DeviceMessage Vitals(string deviceId, int heartRate) =>
        cluster.Message(deviceId, DeviceMessageType.Vitals) with { Readings = new DeviceReadings { Presence = true, HeartRate = heartRate, RespirationRate = 14, Movement = 10 } };
}
