using System.Net;
using System.Net.Http.Json;
using CareIoT.DeviceProtocol;

namespace CareIoT.IntegrationTests;

/// <summary>Fitting, provisioning, walk-testing and taking out devices against the real broker, host and journal.</summary>
[Collection(CareIoTHostCollection.Name)]
public sealed class CommissioningTests(CareIoTHostFixture host)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task FittedDeviceConnectsWithItsOwnCredentialsAndItsPressReachesTheJournal()
    {
        using var admin = new CareIoTApi(host.Server.BaseAddress);
        using var installer = await admin.AsNewUserAsync($"inst-{Guid.NewGuid():N}"[..16], "installer");
        var (household, _) = await admin.RegisterHouseholdWithCallButtonAsync();
        var serial = $"SN-{Guid.NewGuid():N}"[..20];

        var credentials = await FitAsync(installer, serial, "SmokeAlarm", household);
        Assert.Equal((serial, serial), (credentials.DeviceId, credentials.Username));
        Assert.True(credentials.Password.Length >= 20);
        Assert.Equal(host.Services.MqttsPort, credentials.MqttTlsPort); // devices on the network are told the TLS port
        Assert.StartsWith("-----BEGIN CERTIFICATE-----", credentials.CaCertificate);

        await using var device = await ConnectAsync(credentials);
        await device.PressAsync(serial);
        await device.SendAsync(serial, MessageTypes.SmokeAlarm);
        var fire = await Eventually.ValueAsync(async () => (await admin.HouseholdAlertsAsync(household)).FirstOrDefault(a => a.DeviceId == serial && a.Cause == "Fire"), Patience, "fire alert");
        Assert.Equal("Highest", fire.Priority);

        // Its credentials open its own topics only: the broker refuses a press published as another device.
        var other = $"cb-{Guid.NewGuid():N}"[..20];
        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => device.PublishAsync(DeviceTopics.Events(other), TestPaths.Example("call-button-press.json")));
        Assert.Contains("NotAuthorized", refused.Message, StringComparison.Ordinal);

        var conflict = await installer.Http.PostAsJsonAsync("api/install/devices", new { serial, kind = "SmokeAlarm", householdId = household });
        Assert.Equal(HttpStatusCode.Conflict, conflict.StatusCode);
    }

    [Fact]
    public async Task DecommissionedDeviceIsCutOffAndRefusedByTheBrokerAtOnce()
    {
        using var admin = new CareIoTApi(host.Server.BaseAddress);
        using var installer = await admin.AsNewUserAsync($"inst-{Guid.NewGuid():N}"[..16], "installer");
        var (household, _) = await admin.RegisterHouseholdWithCallButtonAsync();
        var serial = $"SN-{Guid.NewGuid():N}"[..20];
        var credentials = await FitAsync(installer, serial, "CallButton", household);
        await using var still = await ConnectAsync(credentials);

        Assert.True(still.IsConnected);
        Assert.Equal(HttpStatusCode.NoContent, (await installer.Http.DeleteAsync($"api/install/devices/{serial}")).StatusCode);

        // Mosquitto re-checks connected clients on its reload: the open connection is dropped too.
        Assert.True(await Eventually.TrueAsync(() => Task.FromResult(!still.IsConnected), Patience), "the revoked device is still connected");
        Assert.True(await Eventually.TrueAsync(async () =>
        {
            await using var again = new DeviceSimulatorClient(host.Services.MqttHost, host.Services.MqttPort, credentials.Username, credentials.Password);
            // Mosquitto answers an unknown user (after the reload) with "not authorized".
            return (await again.ConnectAsync()).ResultCode == MQTTnet.MqttClientConnectResultCode.NotAuthorized;
        }, Patience), "the broker still accepts the revoked credentials");

        Assert.Equal(HttpStatusCode.NotFound, (await installer.Http.DeleteAsync($"api/install/devices/{serial}")).StatusCode);
    }

    [Fact]
    public async Task PressDuringAWalkTestNeverReachesTheConsoleAndIsInTheInstallationRecord()
    {
        using var admin = new CareIoTApi(host.Server.BaseAddress);
        using var installer = await admin.AsNewUserAsync($"inst-{Guid.NewGuid():N}"[..16], "installer");
        var (household, button) = await admin.RegisterHouseholdWithCallButtonAsync();
        await using var console = new ConsoleClient(host.Server.BaseAddress);
        await console.ConnectAsync();

        (await installer.Http.PostAsJsonAsync($"api/install/sites/household/{household}/walk-test", new { minutes = 5 })).EnsureSuccessStatusCode();
        await using (var device = await host.ConnectDeviceAsync(button))
        {
            await device.PressAsync(button);
        }

        var view = await Eventually.ValueAsync(async () =>
        {
            var v = await installer.Http.GetFromJsonAsync<WalkTestViewDto>($"api/install/sites/household/{household}/walk-test", Json.Web);
            return v!.Devices.Single(d => d.DeviceId == button).Signals.Length > 0 ? v : null;
        }, Patience, "the press in the walk test");
        Assert.Equal("CallPressed", view.Devices.Single(d => d.DeviceId == button).Signals[0].Event);

        var record = await (await installer.Http.PostAsync($"api/install/sites/household/{household}/walk-test/finish", null)).Content.ReadFromJsonAsync<InstallationRecordDto>(Json.Web);
        Assert.Equal("Completed", record!.Outcome);
        Assert.Contains(record.Signals, s => s.DeviceId == button);
        Assert.Empty(await admin.HouseholdAlertsAsync(household));
        Assert.DoesNotContain(await console.GetOpenAlertsAsync(), a => a.DeviceId == button);
        // The grain pushes before it returns, and the signal was recorded long ago: anything pushed is already here.
        await Assert.ThrowsAsync<TimeoutException>(() => console.WaitForAsync(a => a.DeviceId == button, TimeSpan.FromMilliseconds(300)));
        var records = await installer.Http.GetFromJsonAsync<InstallationRecordDto[]>($"api/install/sites/household/{household}/records", Json.Web);
        Assert.Single(records!);
    }

    private static async Task<DeviceCredentialsDto> FitAsync(CareIoTApi installer, string serial, string kind, string household)
    {
        var response = await installer.Http.PostAsJsonAsync("api/install/devices", new { serial, kind, householdId = household, vendor = "Heiman", model = "HS1SA" });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<DeviceCredentialsDto>(Json.Web))!;
    }

    private static async Task<DeviceSimulatorClient> ConnectAsync(DeviceCredentialsDto credentials)
    {
        DeviceSimulatorClient? device = null;
        // Mosquitto reloads its password file on SIGHUP; the first attempts may come before that.
        Assert.True(await Eventually.TrueAsync(async () =>
        {
            if (device is not null)
            {
                await device.DisposeAsync();
            }

            device = new DeviceSimulatorClient(credentials.MqttHost, credentials.MqttPort, credentials.Username, credentials.Password);
            return (await device.ConnectAsync()).ResultCode == MQTTnet.MqttClientConnectResultCode.Success;
        }, Patience), "the broker did not accept the new credentials");
        return device!;
    }
}

public sealed record DeviceCredentialsDto(string DeviceId, string Username, string Password, string MqttHost, int MqttPort, string EventsTopic,
    int? MqttTlsPort = null, string? CaCertificate = null);

public sealed record WalkTestSignalDto(string DeviceId, string Event, DateTimeOffset At, int? SignalDbm, int? BatteryPercent);

public sealed record WalkTestDeviceDto(string DeviceId, string Kind, WalkTestSignalDto[] Signals);

public sealed record WalkTestViewDto(WalkTestDeviceDto[] Devices);

public sealed record InstallationRecordDto(string Installer, string Outcome, WalkTestSignalDto[] Signals);
