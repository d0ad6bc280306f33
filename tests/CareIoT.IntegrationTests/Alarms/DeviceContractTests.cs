using CareIoT.DeviceProtocol;

namespace CareIoT.IntegrationTests;

/// <summary>Messages of the device contract end to end through the real broker, grains and journal.</summary>
[Collection(CareIoTHostCollection.Name)]
public sealed class DeviceContractTests(CareIoTHostFixture host)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task SmokeAlarmReachesTheConsoleAsAFireAlertAtTheHighestPriority()
    {
        using var api = new CareIoTApi(host.Server.BaseAddress);
        var (household, device) = await api.RegisterHouseholdWithAsync("SmokeAlarm");
        await using var console = new ConsoleClient(host.Server.BaseAddress);
        await console.ConnectAsync();
        await using var alarm = await host.ConnectDeviceAsync(device);

        await alarm.SendAsync(device, MessageTypes.SmokeAlarm);
        var (fire, _) = await console.WaitForAsync(a => a.DeviceId == device, Patience);
        await alarm.SendAsync(device, MessageTypes.SmokeClear);

        Assert.Equal(("Fire", "Highest", "Household", household), (fire.Cause, fire.Priority, fire.Site.Kind, fire.Site.Id));
        var cleared = await Eventually.TrueAsync(
            async () => (await api.AlertHistoryAsync(fire.AlertId))!.Events.Any(e => e.Kind == "SmokeCleared"), Patience);
        Assert.True(cleared, "the smoke_clear was not noted on the fire alert");
    }

    [Fact]
    public async Task DeviceWhoseConnectionDropsGoesOfflineThroughItsLastWill()
    {
        using var api = new CareIoTApi(host.Server.BaseAddress);
        var (_, device) = await api.RegisterHouseholdWithAsync("SmokeAlarm");
        await using var console = new ConsoleClient(host.Server.BaseAddress);
        await console.ConnectAsync();
        var alarm = await host.ConnectDeviceAsync(device, withLastWill: true);
        await alarm.SendAsync(device, MessageTypes.Heartbeat, fill: p => p with { Battery = 90, Rssi = -60, Firmware = "2.1.0" });
        Assert.True(await Eventually.TrueAsync(async () => (await api.DeviceHealthAsync(device)).Firmware == "2.1.0", Patience));

        alarm.Abort();

        var (offline, _) = await console.WaitForAsync(a => a.DeviceId == device, Patience);
        Assert.Equal(("DeviceOffline", "Normal"), (offline.Cause, offline.Priority));
        Assert.False((await api.DeviceHealthAsync(device)).Online);
    }

    [Fact]
    public async Task MattressVitalsAndBedExitReachTheBed()
    {
        using var api = new CareIoTApi(host.Server.BaseAddress);
        var (bed, device) = await api.RegisterBedWithMattressAsync();
        await using var mattress = await host.ConnectDeviceAsync(device);

        await mattress.SendAsync(device, MessageTypes.Vitals, fill: p => p with { Presence = true, HeartRate = 61, RespirationRate = 14, Movement = 2 });
        var vitals = await Eventually.ValueAsync(() => api.BedVitalsAsync(bed), Patience, "vitals of the bed");
        Assert.Equal((true, 61, 14), (vitals.Presence, vitals.HeartRate, vitals.RespirationRate));

        await mattress.SendAsync(device, MessageTypes.BedExit);
        Assert.True(await Eventually.TrueAsync(async () => (await api.BedVitalsAsync(bed))?.Presence == false, Patience));
    }

    [Fact]
    public async Task ReplayedPressOlderThanADayIsDeadLetteredAndRaisesNothing()
    {
        using var api = new CareIoTApi(host.Server.BaseAddress);
        var (household, device) = await api.RegisterHouseholdWithCallButtonAsync();
        await using var button = await host.ConnectDeviceAsync(device);

        await button.SendAsync(device, MessageTypes.Press, fill: p => p with { Ts = DateTimeOffset.UtcNow.AddDays(-2) });

        var letter = await Eventually.ValueAsync(
            async () => (await api.DeadLettersAsync()).FirstOrDefault(d => d.DeviceId == device), Patience, "the replay's dead letter");
        Assert.Equal("Replayed", letter.Reason);
        Assert.Empty(await api.HouseholdAlertsAsync(household));
    }
}
