using CareIoT.DeviceProtocol;

namespace CareIoT.IntegrationTests;

/// <summary>
/// A technical alert follows its device through the real broker: a smoke alarm whose connection drops goes
/// offline (its last will), and when it connects again the offline alert ends as restored by the device — on
/// the console, in the open list and in the journal — without anyone touching it.
/// </summary>
[Collection(CareIoTHostCollection.Name)]
public sealed class TechnicalRestoreTests(CareIoTHostFixture host)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task AnOfflineAlertEndsByItselfWhenTheDeviceIsBackAndLeavesTheQueue()
    {
        using var api = new CareIoTApi(host.Server.BaseAddress);
        var (_, device) = await api.RegisterHouseholdWithAsync("SmokeAlarm");
        await using var console = new ConsoleClient(host.Server.BaseAddress);
        await console.ConnectAsync();
        var alarm = await host.ConnectDeviceAsync(device, withLastWill: true);
        await alarm.SendAsync(device, MessageTypes.Heartbeat, fill: p => p with { Battery = 90 });
        alarm.Abort();
        var (offline, _) = await console.WaitForAsync(a => a.DeviceId == device && a.Cause == "DeviceOffline", Patience);

        await using var back = await host.ConnectDeviceAsync(device, withLastWill: true);
        await back.SendAsync(device, MessageTypes.Heartbeat, fill: p => p with { Battery = 90 });
        var (restored, _) = await console.WaitForAsync(a => a.AlertId == offline.AlertId && a.Status == "Restored", Patience);

        Assert.Equal("Raised", offline.Status);
        Assert.DoesNotContain(await api.OpenAlertsAsync(), a => a.AlertId == offline.AlertId);
        var history = await api.AlertHistoryAsync(offline.AlertId);
        Assert.Contains(history!.Events, e => e.Kind == "Restored" && e.Actor == $"device:{device}");
        Assert.Equal("Restored", restored.Status);
    }
}
