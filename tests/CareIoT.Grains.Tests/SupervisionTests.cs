using CareIoT.Contracts;

namespace CareIoT.Grains.Tests;

/// <summary>Offline detection on fake time: the reminder's check, called directly after the clock moves.</summary>
[Collection(ClusterCollection.Name)]
public sealed class SupervisionTests(ClusterFixture cluster)
{
    [Fact]
    public async Task MattressSilentForLongerThanFiveMinutesGoesOfflineOnceWithATechnicalAlert()
    {
        var mattress = cluster.Install(DeviceKind.Mattress, SiteKind.Bed);
        var device = cluster.Device(mattress.DeviceId);
        await device.Receive(cluster.Message(mattress.DeviceId, DeviceMessageType.Heartbeat));

        cluster.Time.Advance(TimeSpan.FromMinutes(5));
        await device.Supervise();
        Assert.True((await device.GetHealth()).Online);
        Assert.Empty(cluster.Journal.AlertsAt(mattress.Site));

        cluster.Time.Advance(TimeSpan.FromSeconds(1));
        await device.Supervise();
        await device.Supervise();

        Assert.False((await device.GetHealth()).Online);
        var offline = Assert.Single(cluster.Journal.AlertsAt(mattress.Site));
        Assert.Equal((AlertCause.DeviceOffline, mattress.DeviceId, 1), (offline.Cause, offline.DeviceId, offline.Occurrences));
    }

    [Fact]
    public async Task CallButtonHeardWithinFortyFiveMinutesStaysOnline()
    {
        var button = cluster.Install();
        var device = cluster.Device(button.DeviceId);
        for (var beat = 0; beat < 4; beat++)
        {
            await device.Receive(cluster.Message(button.DeviceId, DeviceMessageType.Heartbeat));
            cluster.Time.Advance(TimeSpan.FromMinutes(15));
            await device.Supervise();
        }

        Assert.True((await device.GetHealth()).Online);
        Assert.Empty(cluster.Journal.AlertsAt(button.Site));
    }

    [Fact]
    public async Task PerDeviceThresholdOverridesTheClassDefault()
    {
        var button = cluster.Install() with { OfflineAfter = TimeSpan.FromMinutes(2) };
        cluster.Registry.Register(button);
        var device = cluster.Device(button.DeviceId);
        await device.Receive(cluster.Message(button.DeviceId, DeviceMessageType.Heartbeat));

        cluster.Time.Advance(TimeSpan.FromMinutes(3));
        await device.Supervise();

        Assert.False((await device.GetHealth()).Online);
    }

    [Fact]
    public async Task HeartbeatWithALowBatteryRaisesOneLowBatteryAlert()
    {
        var alarm = cluster.Install(DeviceKind.SmokeAlarm);
        var device = cluster.Device(alarm.DeviceId);
        var low = new DeviceReadings { BatteryPercent = 12 };

        await device.Receive(cluster.Message(alarm.DeviceId, DeviceMessageType.Heartbeat) with { Readings = low });
        await device.Receive(cluster.Message(alarm.DeviceId, DeviceMessageType.Heartbeat) with { Readings = low });

        var alert = Assert.Single(cluster.Journal.AlertsAt(alarm.Site));
        Assert.Equal((AlertCause.LowBattery, AlertPriority.Low, 1), (alert.Cause, alert.Priority, alert.Occurrences));
        Assert.Equal(12, (await device.GetHealth()).BatteryPercent);
    }
}
