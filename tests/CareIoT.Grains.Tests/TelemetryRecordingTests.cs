using CareIoT.Contracts;

namespace CareIoT.Grains.Tests;

[Collection(ClusterCollection.Name)]
public sealed class TelemetryRecordingTests(ClusterFixture cluster)
{
    [Fact]
    public async Task AcceptedVitalsGoToTelemetryAndARedeliveredOneDoesNot()
    {
        var mattress = cluster.Install(DeviceKind.Mattress, SiteKind.Bed);
        var vitals = cluster.Message(mattress.DeviceId, DeviceMessageType.Vitals) with
        {
            Readings = new DeviceReadings { Presence = true, HeartRate = 64, RespirationRate = 14 },
        };

        await cluster.Device(mattress.DeviceId).Receive(vitals);
        await cluster.Device(mattress.DeviceId).Receive(vitals);

        Assert.Single(cluster.Telemetry.Messages, m => m.DeviceId == mattress.DeviceId);
    }

    [Fact]
    public async Task SilentDeviceGoingOfflineIsATransitionWithItsTime()
    {
        var button = cluster.Install();
        await cluster.Device(button.DeviceId).Receive(cluster.Message(button.DeviceId, DeviceMessageType.Heartbeat));

        cluster.Time.Advance(TimeSpan.FromHours(30));
        await cluster.Device(button.DeviceId).Supervise();

        var (_, online, at, cause) = Assert.Single(cluster.Telemetry.Transitions, t => t.DeviceId == button.DeviceId);
        Assert.False(online);
        Assert.Equal("Silent", cause);
        Assert.Equal(cluster.Time.GetUtcNow(), at);
    }
}
