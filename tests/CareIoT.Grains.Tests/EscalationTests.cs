using CareIoT.Contracts;

namespace CareIoT.Grains.Tests;

/// <summary>Escalation on fake time: the check its timer and reminder run, called after the clock moves.</summary>
[Collection(ClusterCollection.Name)]
public sealed class EscalationTests(ClusterFixture cluster)
{
    private async Task<AlertSnapshot> RaiseAsync(DeviceKind kind, DeviceMessageType type)
    {
        var device = cluster.Install(kind);
        return (await cluster.Device(device.DeviceId).Receive(cluster.Message(device.DeviceId, type))).Alert!;
    }

    private async Task<int> LevelAfter(Guid alertId, TimeSpan advance)
    {
        cluster.Time.Advance(advance);
        await cluster.Client.GetGrain<IAlertGrain>(alertId).CheckEscalation();
        return (await cluster.Journal.GetAsync(alertId, CancellationToken.None))!.EscalationLevel;
    }

    [Fact]
    public async Task FireUnacknowledgedForThirtySecondsEscalatesAndAgainEveryThirtySeconds()
    {
        var fire = await RaiseAsync(DeviceKind.SmokeAlarm, DeviceMessageType.SmokeAlarm);

        Assert.Equal(0, await LevelAfter(fire.AlertId, TimeSpan.FromSeconds(29)));
        Assert.Equal(1, await LevelAfter(fire.AlertId, TimeSpan.FromSeconds(1)));
        Assert.Equal(1, await LevelAfter(fire.AlertId, TimeSpan.FromSeconds(29)));
        Assert.Equal(2, await LevelAfter(fire.AlertId, TimeSpan.FromSeconds(1)));
        Assert.Equal(2, cluster.Notifier.EscalationsOf(fire.AlertId).Count);
    }

    [Fact]
    public async Task CallEscalatesAtSixtySecondsNotBefore()
    {
        var call = await RaiseAsync(DeviceKind.CallButton, DeviceMessageType.Press);

        Assert.Equal(0, await LevelAfter(call.AlertId, TimeSpan.FromSeconds(59)));
        Assert.Equal(1, await LevelAfter(call.AlertId, TimeSpan.FromSeconds(1)));
    }

    [Fact]
    public async Task TechnicalAlertEscalatesAfterFiveMinutes()
    {
        var tamper = await RaiseAsync(DeviceKind.SmokeAlarm, DeviceMessageType.Tamper);

        Assert.Equal(0, await LevelAfter(tamper.AlertId, TimeSpan.FromSeconds(299)));
        Assert.Equal(1, await LevelAfter(tamper.AlertId, TimeSpan.FromSeconds(1)));
    }

    [Fact]
    public async Task AcknowledgedAlertStopsEscalatingAndRemindsAfterFifteenMinutesUnresolved()
    {
        var call = await RaiseAsync(DeviceKind.CallButton, DeviceMessageType.Press);
        await cluster.Client.GetGrain<IAlertGrain>(call.AlertId).Acknowledge("赵");

        Assert.Equal(0, await LevelAfter(call.AlertId, TimeSpan.FromMinutes(14)));
        Assert.Empty(cluster.Notifier.EscalationsOf(call.AlertId));
        await LevelAfter(call.AlertId, TimeSpan.FromMinutes(1));

        Assert.Single(cluster.Notifier.EscalationsOf(call.AlertId));
        Assert.Contains("Reminder", cluster.Journal.NotesOf(call.AlertId));
    }

    [Fact]
    public async Task ClosedAlertNeverEscalates()
    {
        var call = await RaiseAsync(DeviceKind.CallButton, DeviceMessageType.Press);
        var grain = cluster.Client.GetGrain<IAlertGrain>(call.AlertId);
        await grain.Acknowledge("赵");
        await grain.Close("赵", AlertOutcome.FalseAlarm, "误按");

        Assert.Equal(0, await LevelAfter(call.AlertId, TimeSpan.FromHours(2)));
        Assert.Empty(cluster.Notifier.EscalationsOf(call.AlertId));
    }
}
