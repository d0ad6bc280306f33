using CareIoT.Contracts;

namespace CareIoT.Grains.Tests.Monitoring;

/// <summary>The time-based rules inside the site grains, on fake time, through the journal.</summary>
[Collection(ClusterCollection.Name)]
public sealed class SiteRuleGrainTests(ClusterFixture cluster)
{
    [Fact]
    public async Task BedriddenResidentLeavingTheBedRaisesPresenceLostOnTheBedOnce()
    {
        var mattress = cluster.Install(DeviceKind.Mattress, SiteKind.Bed);
        var bed = cluster.Client.GetGrain<IBedGrain>(mattress.Site.Id);
        await bed.SetThresholds(new BedThresholds { Bedridden = true });
        var device = cluster.Device(mattress.DeviceId);
        await device.Receive(cluster.Message(mattress.DeviceId, DeviceMessageType.Vitals) with { Readings = new DeviceReadings { Presence = true, HeartRate = 60, RespirationRate = 14, Movement = 10 } });
        await device.Receive(cluster.Message(mattress.DeviceId, DeviceMessageType.BedExit));

        cluster.Time.Advance(TimeSpan.FromMinutes(3));
        await bed.Tick();
        await bed.Tick();

        var alert = Assert.Single(cluster.Journal.AlertsAt(mattress.Site));
        Assert.Equal((AlertCause.PresenceLostBedridden, AlertPriority.High), (alert.Cause, alert.Priority));
        Assert.Equal(new BedThresholds { Bedridden = true }, await bed.GetThresholds());
    }

    [Fact]
    public async Task AnOlderReadingHandledAfterANewerBedExitDoesNotPutTheResidentBackInBed()
    {
        var mattress = cluster.Install(DeviceKind.Mattress, SiteKind.Bed);
        var bed = cluster.Client.GetGrain<IBedGrain>(mattress.Site.Id);
        await bed.SetThresholds(new BedThresholds { Bedridden = true });
        var device = cluster.Device(mattress.DeviceId);
        var reading = cluster.Message(mattress.DeviceId, DeviceMessageType.Vitals) with { Readings = new DeviceReadings { Presence = true, HeartRate = 60, RespirationRate = 14, Movement = 10 } };
        cluster.Time.Advance(TimeSpan.FromMilliseconds(20));
        // The mattress sent the reading first, but its lane took it off the broker after the exit's lane took the exit.
        reading = reading with { ReceivedAt = cluster.Time.GetUtcNow().AddMilliseconds(20) };

        // The exit is handled first; the older reading comes after.
        await device.Receive(cluster.Message(mattress.DeviceId, DeviceMessageType.BedExit));
        await device.Receive(reading);
        cluster.Time.Advance(TimeSpan.FromMinutes(3));
        await bed.Tick();

        Assert.False((await bed.GetVitals())!.Presence);
        var alert = Assert.Single(cluster.Journal.AlertsAt(mattress.Site));
        Assert.Equal(AlertCause.PresenceLostBedridden, alert.Cause);
    }

    [Fact]
    public async Task HouseholdSilentForMoreThanItsLimitGetsAWelfareCheck()
    {
        var alarm = cluster.Install(DeviceKind.SmokeAlarm);
        var household = cluster.Client.GetGrain<IHouseholdGrain>(alarm.Site.Id);
        await household.SetThresholds(new HouseholdThresholds { InactivityLimit = TimeSpan.FromHours(2) });
        // The resident tests the smoke alarm: a sign of life. Heartbeats afterwards are not.
        await cluster.Device(alarm.DeviceId).Receive(cluster.Message(alarm.DeviceId, DeviceMessageType.SmokeTest));
        cluster.Time.Advance(TimeSpan.FromHours(1));
        await cluster.Device(alarm.DeviceId).Receive(cluster.Message(alarm.DeviceId, DeviceMessageType.Heartbeat) with { Readings = new DeviceReadings { BatteryPercent = 90 } });

        cluster.Time.Advance(TimeSpan.FromHours(1));
        await household.Tick();
        Assert.DoesNotContain(cluster.Journal.AlertsAt(alarm.Site), a => a.Cause == AlertCause.Inactivity);
        cluster.Time.Advance(TimeSpan.FromSeconds(1));
        await household.Tick();

        // The alarm itself was silent past its threshold too; that is its own (technical) alert.
        Assert.Single(cluster.Journal.AlertsAt(alarm.Site), a => a.Cause == AlertCause.Inactivity);
    }
}
