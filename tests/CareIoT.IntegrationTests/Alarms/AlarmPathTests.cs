using System.Diagnostics;
using Xunit.Abstractions;

namespace CareIoT.IntegrationTests;

/// <summary>The one path that must never fail: a press at the broker reaches a person at a console.</summary>
[Collection(CareIoTHostCollection.Name)]
public sealed class AlarmPathTests(CareIoTHostFixture host, ITestOutputHelper output)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task CallButtonPressPublishedToTheBrokerReachesAConnectedConsole()
    {
        using var api = new CareIoTApi(host.Server.BaseAddress);
        var (household, device) = await api.RegisterHouseholdWithCallButtonAsync();
        await using var console = new ConsoleClient(host.Server.BaseAddress);
        await console.ConnectAsync();
        await using var button = await host.ConnectDeviceAsync(device);

        var clock = Stopwatch.StartNew();
        await button.PressAsync(device);
        var (alert, _) = await console.WaitForAsync(a => a.DeviceId == device, Patience);
        clock.Stop();

        output.WriteLine($"press -> console: {clock.Elapsed.TotalMilliseconds:F1} ms");
        Assert.Equal("PersonalEmergency", alert.Cause);
        Assert.Equal("Critical", alert.Priority);
        Assert.Equal("Raised", alert.Status);
        Assert.Equal(new SiteDto("Household", household), alert.Site);
        Assert.Equal(1, alert.Occurrences);
        var history = await api.AlertHistoryAsync(alert.AlertId);
        Assert.NotNull(history);
        Assert.Equal("Raised", Assert.Single(history.Events).Kind);
    }

    [Fact]
    public async Task TheSameMessageDeliveredTwiceRaisesOneAlertWithOneOccurrence()
    {
        using var api = new CareIoTApi(host.Server.BaseAddress);
        var (household, device) = await api.RegisterHouseholdWithCallButtonAsync();
        await using var button = await host.ConnectDeviceAsync(device);
        await using var console = new ConsoleClient(host.Server.BaseAddress);
        await console.ConnectAsync();

        var messageId = await button.PressAsync(device);
        var (first, _) = await console.WaitForAsync(a => a.DeviceId == device, Patience);
        await button.PressAsync(device, messageId);
        // A second, different press proves the duplicate was processed before it (same partition, in order).
        await button.PressAsync(device);
        var (repeat, _) = await console.WaitForAsync(a => a.DeviceId == device && a.Occurrences > 1, Patience);

        Assert.Equal(first.AlertId, repeat.AlertId);
        Assert.Equal(2, repeat.Occurrences);
        Assert.Single(await api.HouseholdAlertsAsync(household));
        var history = await api.AlertHistoryAsync(first.AlertId);
        Assert.Equal(["Raised", "Repeated"], history!.Events.Select(e => e.Kind));
    }

    [Fact]
    public async Task AlertRaisedBeforeARestartIsStillOpenInTheJournalAndTheGrainAfterIt()
    {
        using var api = new CareIoTApi(host.Server.BaseAddress);
        var (household, device) = await api.RegisterHouseholdWithCallButtonAsync();
        await using (var button = await host.ConnectDeviceAsync(device))
        await using (var console = new ConsoleClient(host.Server.BaseAddress))
        {
            await console.ConnectAsync();
            await button.PressAsync(device);
            await console.WaitForAsync(a => a.DeviceId == device, Patience);
        }

        await host.Server.StopAsync();
        await host.Server.StartAsync();

        await using var reconnected = new ConsoleClient(host.Server.BaseAddress);
        await reconnected.ConnectAsync();
        var fromJournal = Assert.Single(await reconnected.GetOpenAlertsAsync(), a => a.DeviceId == device);
        var fromGrain = Assert.Single(await api.HouseholdAlertsAsync(household));
        Assert.Equal(fromJournal.AlertId, fromGrain.AlertId);
        Assert.Equal("Raised", fromGrain.Status);
    }

    [Fact]
    public async Task PressPublishedWhileTheHostIsDownReachesTheConsoleWhenItReturns()
    {
        using var api = new CareIoTApi(host.Server.BaseAddress);
        var (_, device) = await api.RegisterHouseholdWithCallButtonAsync();

        await host.Server.StopAsync();
        await using (var button = await host.ConnectDeviceAsync(device))
        {
            await button.PressAsync(device);
        }

        await host.Server.StartAsync();
        await using var console = new ConsoleClient(host.Server.BaseAddress);
        await console.ConnectAsync();
        var found = await Eventually.TrueAsync(
            async () => (await console.GetOpenAlertsAsync()).Any(a => a.DeviceId == device), Patience);
        Assert.True(found, "the press queued at the broker while the host was down never became an alert");
    }
}
