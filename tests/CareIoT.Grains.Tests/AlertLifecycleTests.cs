using CareIoT.Contracts;

namespace CareIoT.Grains.Tests;

[Collection(ClusterCollection.Name)]
public sealed class AlertLifecycleTests(ClusterFixture cluster)
{
    private async Task<(DeviceBinding Button, AlertSnapshot Alert)> PressAsync()
    {
        var button = cluster.Install();
        var result = await cluster.Device(button.DeviceId).Receive(cluster.Message(button.DeviceId));
        return (button, result.Alert!);
    }

    private IAlertGrain Alert(Guid alertId) => cluster.Client.GetGrain<IAlertGrain>(alertId);

    [Fact]
    public async Task AcknowledgeDispatchAndResolveCloseTheAlertAndTheNextPressRaisesANewOne()
    {
        var (button, raised) = await PressAsync();

        var acknowledged = await Alert(raised.AlertId).Acknowledge("王调度");
        var dispatched = await Alert(raised.AlertId).Dispatch("王调度", Responder.CommunityWorker, "社区网格员 5 分钟到");
        var resolved = await Alert(raised.AlertId).Close("王调度", AlertOutcome.Resolved, "老人摔倒，已扶起");

        Assert.Equal((AlertStatus.Acknowledged, "王调度"), (acknowledged.Alert!.Status, acknowledged.Alert.AcknowledgedBy));
        Assert.Equal((AlertStatus.Dispatched, Responder.CommunityWorker), (dispatched.Alert!.Status, dispatched.Alert.DispatchedTo));
        Assert.Equal(AlertStatus.Resolved, resolved.Alert!.Status);
        Assert.Equal(["Acknowledged", "Dispatched", "Resolved"], cluster.Journal.NotesOf(raised.AlertId));
        Assert.Empty(await cluster.Site(button.Site).GetOpenAlerts());

        var next = await cluster.Device(button.DeviceId).Receive(cluster.Message(button.DeviceId));
        Assert.NotEqual(raised.AlertId, next.Alert!.AlertId);
        Assert.Equal(1, next.Alert.Occurrences);
    }

    [Theory]
    [InlineData(AlertOutcome.FalseAlarm, AlertStatus.FalseAlarm)]
    [InlineData(AlertOutcome.CancelledByResident, AlertStatus.CancelledByResident)]
    public async Task AcknowledgedAlertCanBeClosedAsFalseAlarmOrCancelledByTheResident(AlertOutcome outcome, AlertStatus status)
    {
        var (_, raised) = await PressAsync();
        await Alert(raised.AlertId).Acknowledge("李");

        var closed = await Alert(raised.AlertId).Close("李", outcome, null);

        Assert.True(closed.Succeeded);
        Assert.Equal(status, closed.Alert!.Status);
        Assert.NotNull(closed.Alert.ClosedAt);
    }

    [Fact]
    public async Task ResolveBeforeAcknowledgeIsRefusedAndChangesNothing()
    {
        var (_, raised) = await PressAsync();
        var writes = cluster.Journal.Writes;

        var refused = await Alert(raised.AlertId).Close("李", AlertOutcome.Resolved, null);

        Assert.Equal(TransitionError.InvalidTransition, refused.Error);
        Assert.Equal(AlertStatus.Raised, refused.Alert!.Status);
        Assert.Equal(writes, cluster.Journal.Writes);
    }

    [Fact]
    public async Task OfTwoOperatorsAcknowledgingAtOnceExactlyOneWinsAndTheOtherIsToldWho()
    {
        var (_, raised) = await PressAsync();

        var results = await Task.WhenAll(Alert(raised.AlertId).Acknowledge("张"), Alert(raised.AlertId).Acknowledge("刘"));

        var winner = Assert.Single(results, r => r.Succeeded);
        var loser = Assert.Single(results, r => !r.Succeeded);
        Assert.Equal(TransitionError.AlreadyDone, loser.Error);
        Assert.Contains(winner.Alert!.AcknowledgedBy!, loser.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AcknowledgingAClosedAlertIsRefused()
    {
        var (_, raised) = await PressAsync();
        await Alert(raised.AlertId).Acknowledge("李");
        await Alert(raised.AlertId).Close("李", AlertOutcome.Resolved, null);

        var refused = await Alert(raised.AlertId).Acknowledge("王");

        Assert.False(refused.Succeeded);
        Assert.Equal(AlertStatus.Resolved, refused.Alert!.Status);
    }

    [Fact]
    public async Task ActionOnAnUnknownAlertIsNotFound() =>
        Assert.Equal(TransitionError.NotFound, (await Alert(Guid.NewGuid()).Acknowledge("李")).Error);
}
