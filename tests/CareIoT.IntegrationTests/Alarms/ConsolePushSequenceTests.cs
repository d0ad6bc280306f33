namespace CareIoT.IntegrationTests;

/// <summary>
/// The numbered pushes a console relies on to notice a lost one (README, "Cluster and chaos"): every
/// push carries the next number after the queue it read, heartbeats carry the last one, and the queue
/// read with a number holds every alert pushed up to it.
/// </summary>
[Collection(CareIoTHostCollection.Name)]
public sealed class ConsolePushSequenceTests(CareIoTHostFixture host)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task PushesAreNumberedOnFromTheQueueAndHeartbeatsCarryTheLastNumber()
    {
        using var api = new CareIoTApi(host.Server.BaseAddress);
        var (_, first) = await api.RegisterHouseholdWithCallButtonAsync();
        var (_, second) = await api.RegisterHouseholdWithCallButtonAsync();
        await using var console = new ConsoleClient(host.Server.BaseAddress);
        await console.ConnectAsync();
        var queue = await console.GetQueueAsync();
        await using var buttonOne = await host.ConnectDeviceAsync(first);
        await using var buttonTwo = await host.ConnectDeviceAsync(second);

        await buttonOne.PressAsync(first);
        var (one, _) = await console.WaitForAsync(a => a.DeviceId == first, Patience);
        await buttonTwo.PressAsync(second);
        var (two, _) = await console.WaitForAsync(a => a.DeviceId == second, Patience);

        var numbers = console.Numbers.ToList();
        var n1 = numbers.First(n => n.AlertId == one.AlertId).Number;
        var n2 = numbers.First(n => n.AlertId == two.AlertId).Number;
        Assert.True(n1 > queue.Sequence, $"push {n1} is not after the queue's number {queue.Sequence}");
        Assert.True(n2 > n1, $"push {n2} is not after {n1}");
        // Consecutive: every number the console received follows the one before, so a gap means a loss.
        Assert.Equal(Enumerable.Range(0, numbers.Count).Select(i => numbers[0].Number + i), numbers.Select(n => n.Number));
        Assert.True(await Eventually.TrueAsync(() => Task.FromResult(console.Heartbeats.Any(h => h >= n2)), TimeSpan.FromSeconds(5)),
            "no heartbeat carried the last number within 5 s");
    }

    [Fact]
    public async Task TheQueueReadWithANumberHoldsEveryAlertPushedUpToIt()
    {
        using var api = new CareIoTApi(host.Server.BaseAddress);
        var (_, device) = await api.RegisterHouseholdWithCallButtonAsync();
        await using var console = new ConsoleClient(host.Server.BaseAddress);
        await console.ConnectAsync();
        await using var button = await host.ConnectDeviceAsync(device);

        await button.PressAsync(device);
        var (alert, _) = await console.WaitForAsync(a => a.DeviceId == device, Patience);
        var pushedAs = console.Numbers.First(n => n.AlertId == alert.AlertId).Number;
        var queue = await console.GetQueueAsync();

        Assert.True(queue.Sequence >= pushedAs);
        Assert.Contains(queue.Alerts, a => a.AlertId == alert.AlertId);
    }
}
