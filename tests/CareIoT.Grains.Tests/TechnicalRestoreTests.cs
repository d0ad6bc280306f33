using CareIoT.Contracts;

namespace CareIoT.Grains.Tests;

/// <summary>Technical alerts follow the device: its own restore ends them, unless the centre wants an operator to confirm.</summary>
[Collection(ClusterCollection.Name)]
public sealed class TechnicalRestoreTests(ClusterFixture cluster)
{
    [Fact]
    public async Task ADeviceBackAfterAnOutageEndsItsOfflineAlertAsRestoredAndTheConsolesAreTold()
    {
        var alarm = cluster.Install(DeviceKind.SmokeAlarm);
        var device = cluster.Device(alarm.DeviceId);
        await device.Receive(cluster.Message(alarm.DeviceId, DeviceMessageType.Offline));

        await device.Receive(cluster.Message(alarm.DeviceId, DeviceMessageType.Heartbeat));

        var offline = Assert.Single(cluster.Journal.AlertsAt(alarm.Site));
        Assert.Equal((AlertCause.DeviceOffline, AlertStatus.Restored), (offline.Cause, offline.Status));
        Assert.Contains("Restored", cluster.Journal.NotesOf(offline.AlertId));
        Assert.Equal(AlertStatus.Restored, cluster.Notifier.PushedFor(alarm.Site).Last(a => a.AlertId == offline.AlertId).Status);
        Assert.Empty(await cluster.Site(alarm.Site).GetOpenAlerts());
    }

    [Fact]
    public async Task ATwinThatWokeWithoutMemoryEndsTheOfflineAlertOnTheDevicesFirstMessage()
    {
        var button = cluster.Install();
        // The site knows the device went offline; the device's twin has just woken and knows nothing.
        await cluster.Site(button.Site).Handle(
            [new DeviceEvent(DeviceEventKind.WentOffline, button.DeviceId, $"{button.DeviceId}/supervision/1", cluster.Time.GetUtcNow())], button);

        await cluster.Device(button.DeviceId).Receive(cluster.Message(button.DeviceId, DeviceMessageType.Online));

        Assert.Equal(AlertStatus.Restored, Assert.Single(cluster.Journal.AlertsAt(button.Site)).Status);
    }

    [Fact]
    public async Task BatteryReplacedTamperClosedAndFaultClearedEachEndTheirOwnAlertOnly()
    {
        var detector = cluster.Install(DeviceKind.SmokeAlarm);
        var device = cluster.Device(detector.DeviceId);
        await device.Receive(cluster.Message(detector.DeviceId, DeviceMessageType.StateReport) with
        {
            Readings = new DeviceReadings { BatteryPercent = 10, Tamper = true, Fault = true },
        });
        Assert.Equal(3, (await cluster.Site(detector.Site).GetOpenAlerts()).Count);

        await device.Receive(cluster.Message(detector.DeviceId, DeviceMessageType.StateReport) with { Readings = new DeviceReadings { Tamper = false } });
        var afterTamper = (await cluster.Site(detector.Site).GetOpenAlerts()).Select(a => a.Cause).Order().ToList();
        await device.Receive(cluster.Message(detector.DeviceId, DeviceMessageType.StateReport) with
        {
            Readings = new DeviceReadings { BatteryPercent = 100, Fault = false },
        });

        Assert.Equal([AlertCause.LowBattery, AlertCause.DeviceFault], afterTamper);
        Assert.Empty(await cluster.Site(detector.Site).GetOpenAlerts());
        Assert.All(cluster.Journal.AlertsAt(detector.Site), a => Assert.Equal(AlertStatus.Restored, a.Status));
    }

    [Fact]
    public async Task ARestoreNeverEndsALifeSafetyAlert()
    {
        var alarm = cluster.Install(DeviceKind.SmokeAlarm);
        var device = cluster.Device(alarm.DeviceId);
        await device.Receive(cluster.Message(alarm.DeviceId, DeviceMessageType.SmokeAlarm));
        await device.Receive(cluster.Message(alarm.DeviceId, DeviceMessageType.Offline));

        await device.Receive(cluster.Message(alarm.DeviceId, DeviceMessageType.Heartbeat));

        var fire = Assert.Single(await cluster.Site(alarm.Site).GetOpenAlerts());
        Assert.Equal((AlertCause.Fire, AlertStatus.Raised), (fire.Cause, fire.Status));
    }

    [Fact]
    public async Task WhereAnOperatorMustConfirmTheRestoreIsNotedAndTheAlertStaysOpen()
    {
        cluster.Supervision.OperatorConfirmsRestore = true;
        try
        {
            var alarm = cluster.Install(DeviceKind.SmokeAlarm);
            var device = cluster.Device(alarm.DeviceId);
            await device.Receive(cluster.Message(alarm.DeviceId, DeviceMessageType.Offline));

            await device.Receive(cluster.Message(alarm.DeviceId, DeviceMessageType.Heartbeat));

            var offline = Assert.Single(await cluster.Site(alarm.Site).GetOpenAlerts());
            Assert.Equal(AlertStatus.Raised, offline.Status);
            Assert.Equal(["Restored"], cluster.Journal.NotesOf(offline.AlertId));
        }
        finally
        {
            cluster.Supervision.OperatorConfirmsRestore = false;
        }
    }
}
