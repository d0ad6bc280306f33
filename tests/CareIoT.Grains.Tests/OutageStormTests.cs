using CareIoT.Contracts;

namespace CareIoT.Grains.Tests;

/// <summary>
/// Outage storms on fake time: twenty devices of one gateway offline within two minutes become one
/// incident (the earlier ones re-pushed as members), later ones join it, a slow trickle never does, a
/// life-safety alert is never a member, and the incident closes itself when every member is back.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class OutageStormTests(ClusterFixture cluster)
{
    private const int Threshold = 20; // OutageOptions' default

    private List<DeviceBinding> Gateway(int devices)
    {
        var gateway = ClusterFixture.NewId("gw");
        var bindings = Enumerable.Range(0, devices).Select(_ => cluster.Install(DeviceKind.SmokeAlarm) with { GatewayId = gateway }).ToList();
        bindings.ForEach(cluster.Registry.Register);
        return bindings;
    }

    private Task Send(DeviceBinding device, DeviceMessageType type) =>
        cluster.Device(device.DeviceId).Receive(cluster.Message(device.DeviceId, type) with { GatewayId = device.GatewayId });

    private AlertSnapshot OfflineAlertOf(DeviceBinding device) =>
        cluster.Journal.AlertsAt(device.Site).Single(a => a.Cause == AlertCause.DeviceOffline);

    [Fact]
    public async Task TwentyDevicesOfAGatewayOfflineAtOnceBecomeOneIncidentAndLaterOnesJoinIt()
    {
        var devices = Gateway(Threshold + 5);
        foreach (var device in devices.Take(Threshold - 1))
        {
            await Send(device, DeviceMessageType.Offline);
        }

        var beforeStorm = devices.Take(Threshold - 1).Select(OfflineAlertOf).ToList();
        foreach (var device in devices.Skip(Threshold - 1))
        {
            await Send(device, DeviceMessageType.Offline);
        }

        Assert.All(beforeStorm, a => Assert.Null(a.IncidentId));
        var incidents = devices.Select(OfflineAlertOf).Select(a => a.IncidentId).Distinct().ToList();
        var incident = Assert.Single(incidents);
        Assert.NotNull(incident);
        // The members raised before the storm was seen are pushed again, now as members: their rows go.
        Assert.All(beforeStorm, a => Assert.Contains(cluster.Notifier.PushedFor(a.Site), p => p.AlertId == a.AlertId && p.IncidentId == incident));
    }

    [Fact]
    public async Task OfflineAlertsTrickledOverMoreThanTheWindowStayRowsOfTheirOwn()
    {
        var devices = Gateway(Threshold + 2);
        foreach (var device in devices)
        {
            await Send(device, DeviceMessageType.Offline);
            cluster.Time.Advance(TimeSpan.FromSeconds(10)); // 22 in 220 s: never 20 within two minutes
        }

        Assert.All(devices, d => Assert.Null(OfflineAlertOf(d).IncidentId));
    }

    [Fact]
    public async Task ALifeSafetyAlertDuringAStormIsNeverAMemberAndTheIncidentClosesWhenAllAreBack()
    {
        var devices = Gateway(Threshold);
        foreach (var device in devices)
        {
            await Send(device, DeviceMessageType.Offline);
        }

        var incident = OfflineAlertOf(devices[0]).IncidentId!.Value;
        await Send(devices[3], DeviceMessageType.SmokeAlarm);
        var fire = cluster.Journal.AlertsAt(devices[3].Site).Single(a => a.Cause == AlertCause.Fire);
        foreach (var device in devices.Take(Threshold - 1))
        {
            await Send(device, DeviceMessageType.Heartbeat);
        }

        var stillOpen = cluster.Journal.Incidents[incident].ClosedAt;
        await Send(devices[^1], DeviceMessageType.Heartbeat);

        Assert.Null(fire.IncidentId);
        Assert.Null(stillOpen);
        Assert.NotNull(cluster.Journal.Incidents[incident].ClosedAt);
        Assert.All(devices, d => Assert.Equal(AlertStatus.Restored, OfflineAlertOf(d).Status));
    }
}
