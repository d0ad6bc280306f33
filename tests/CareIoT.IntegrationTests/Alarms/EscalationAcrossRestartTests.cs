namespace CareIoT.IntegrationTests;

/// <summary>Escalation timers survive the host: stopped mid-escalation, restarted, the alert keeps escalating.</summary>
[Collection(EscalatingHostCollection.Name)]
public sealed class EscalationAcrossRestartTests(EscalatingHostFixture host)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task UnansweredCallEscalatesBeforeARestartAndKeepsEscalatingAfterIt()
    {
        using var api = new CareIoTApi(host.Server.BaseAddress);
        var (_, device) = await api.RegisterHouseholdWithCallButtonAsync();
        AlertDto first;
        await using (var console = new ConsoleClient(host.Server.BaseAddress))
        await using (var button = await host.ConnectDeviceAsync(device))
        {
            await console.ConnectAsync();
            await button.PressAsync(device);
            first = await console.WaitForEscalationAsync(a => a.DeviceId == device && a.EscalationLevel >= 1, Patience);
        }

        await host.Server.StopAsync();
        await host.Server.StartAsync();
        await using var after = new ConsoleClient(host.Server.BaseAddress);
        await after.ConnectAsync();

        var later = await after.WaitForEscalationAsync(a => a.AlertId == first.AlertId && a.EscalationLevel > first.EscalationLevel, Patience);
        Assert.Equal("Raised", later.Status);
        var history = (await api.AlertHistoryAsync(first.AlertId))!;
        Assert.True(history.Events.Count(e => e.Kind == "Escalated") >= 2);
    }

    [Fact]
    public async Task AcknowledgedAlertStopsEscalating()
    {
        using var api = new CareIoTApi(host.Server.BaseAddress);
        var (_, device) = await api.RegisterHouseholdWithCallButtonAsync();
        await using var console = new ConsoleClient(host.Server.BaseAddress);
        await console.ConnectAsync();
        await using var button = await host.ConnectDeviceAsync(device);
        await button.PressAsync(device);
        var escalated = await console.WaitForEscalationAsync(a => a.DeviceId == device, Patience);

        await api.AcknowledgeAsync(escalated.AlertId);
        var levelAtAck = (await api.AlertHistoryAsync(escalated.AlertId))!.Alert.EscalationLevel;
        var stillRising = await Eventually.TrueAsync(
            async () => (await api.AlertHistoryAsync(escalated.AlertId))!.Alert.EscalationLevel > levelAtAck, TimeSpan.FromSeconds(5));

        Assert.False(stillRising, "an acknowledged alert kept escalating");
    }
}
