using MQTTnet;

namespace CareIoT.IntegrationTests;

/// <summary>
/// The platform's end-to-end receipt (devices/README.md, "Receipts"): what lets a device keep a
/// press until it is really on the consoles, since the broker's PUBACK survives no broker crash.
/// </summary>
[Collection(CareIoTHostCollection.Name)]
public sealed class DeliveryReceiptTests(CareIoTHostFixture host)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task APressIsAnsweredWithAReceiptCarryingItsIdAfterTheAlertReachedTheConsole()
    {
        using var api = new CareIoTApi(host.Server.BaseAddress);
        var (_, device) = await api.RegisterHouseholdWithCallButtonAsync();
        await using var console = new ConsoleClient(host.Server.BaseAddress);
        await console.ConnectAsync();
        await using var button = await host.ConnectDeviceAsync(device);
        Assert.Equal(MqttClientSubscribeResultCode.GrantedQoS1, await button.SubscribeReceiptsAsync(device));

        var id = await button.PressAsync(device);

        Assert.True(await button.WaitForReceiptAsync(id, Patience), "no receipt for the press");
        var (alert, _) = await console.WaitForAsync(a => a.DeviceId == device, Patience);
        Assert.Equal("PersonalEmergency", alert.Cause);
    }

    [Fact]
    public async Task APressSentAgainWithTheSameIdIsAnsweredAgainAndStaysOneAlert()
    {
        using var api = new CareIoTApi(host.Server.BaseAddress);
        var (household, device) = await api.RegisterHouseholdWithCallButtonAsync();
        var id = Guid.NewGuid().ToString("N");
        await using (var first = await host.ConnectDeviceAsync(device))
        {
            await first.SubscribeReceiptsAsync(device);
            await first.PressAsync(device, id);
            Assert.True(await first.WaitForReceiptAsync(id, Patience), "no receipt for the press");
        }

        // The device heard nothing (say the receipt was lost) and sends the press again, as the contract says.
        await using var again = await host.ConnectDeviceAsync(device);
        await again.SubscribeReceiptsAsync(device);
        await again.PressAsync(device, id);

        Assert.True(await again.WaitForReceiptAsync(id, Patience), "no receipt for the repeated press");
        var alert = Assert.Single(await api.HouseholdAlertsAsync(household));
        Assert.Equal(1, alert.Occurrences);
    }

    [Fact]
    public async Task ADeviceCannotReadAnotherDevicesReceipts()
    {
        using var api = new CareIoTApi(host.Server.BaseAddress);
        var (_, victim) = await api.RegisterHouseholdWithCallButtonAsync();
        var (_, thief) = await api.RegisterHouseholdWithCallButtonAsync();
        await using var button = await host.ConnectDeviceAsync(victim);
        await using var eavesdropper = await host.ConnectDeviceAsync(thief);

        // Mosquitto grants the subscription and applies the read rule to each message it would deliver.
        await eavesdropper.SubscribeReceiptsAsync(victim);
        await button.SubscribeReceiptsAsync(victim);
        var id = await button.PressAsync(victim);

        Assert.True(await button.WaitForReceiptAsync(id, Patience), "the owner got no receipt");
        Assert.False(await eavesdropper.WaitForReceiptAsync(id, TimeSpan.FromSeconds(3)), "a device read another device's receipt");
    }

    [Fact]
    public async Task AnEventThePlatformRefusedGetsNoReceipt()
    {
        // Credentials, but never registered: the press is dead-lettered, and the device must not think it was heard.
        var stranger = $"cb-unreg-{Guid.NewGuid():N}"[..20];
        await using var device = await host.ConnectDeviceAsync(stranger);
        await device.SubscribeReceiptsAsync(stranger);

        var id = await device.PressAsync(stranger);

        Assert.False(await device.WaitForReceiptAsync(id, TimeSpan.FromSeconds(3)), "a refused press got a receipt");
        using var api = new CareIoTApi(host.Server.BaseAddress);
        Assert.Contains(await api.DeadLettersAsync(), d => d.DeviceId == stranger);
    }
}
