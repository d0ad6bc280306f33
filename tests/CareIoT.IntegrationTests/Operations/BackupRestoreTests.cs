using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CareIoT.DeviceProtocol;
using MQTTnet;

namespace CareIoT.IntegrationTests;

/// <summary>
/// <c>deploy/backup.sh</c> on a running centre with open alerts, <c>deploy/restore.sh</c> onto a fresh state
/// folder whose services run beside the test run's, and a server on it: the centre is back as it was at the
/// backup, and only as it was then.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")] // file modes; the project runs on Linux only
public sealed class BackupRestoreTests(BackupSourceFixture source) : IClassFixture<BackupSourceFixture>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task ARunningCentreRestoredFromItsBackupHasItsOpenAlertsRegistryUsersTelemetryAndDeviceCredentials()
    {
        using var api = new CareIoTApi(source.Server.BaseAddress);
        var (dispatcher, dispatcherPassword) = await api.CreateUserAsync("dispatcher", "bk-");
        var (callHome, button) = await api.RegisterHouseholdWithCallButtonAsync();
        var (smokeHome, smokeAlarm) = await api.RegisterHouseholdWithAsync("SmokeAlarm");
        var (bed, mattress) = await api.RegisterBedWithMattressAsync();
        var passwords = source.Services.IssueCredentials(button, smokeAlarm, mattress);
        await using var console = new ConsoleClient(source.Server.BaseAddress);
        await console.ConnectAsync();
        await using (var device = await ConnectAsync(source.Services.MqttPort, button, passwords[button]))
        {
            await device.PressAsync(button);
        }

        await using (var device = await ConnectAsync(source.Services.MqttPort, smokeAlarm, passwords[smokeAlarm]))
        {
            await device.SendAsync(smokeAlarm, MessageTypes.SmokeAlarm);
        }

        await using (var device = await ConnectAsync(source.Services.MqttPort, mattress, passwords[mattress]))
        {
            await device.SendAsync(mattress, MessageTypes.Vitals, fill: p => p with { Presence = true, HeartRate = 61, RespirationRate = 15, Movement = 0 });
        }

        // The two devices' alerts reach the console in either order: wait for both in one pass.
        var seen = new Dictionary<string, AlertDto>();
        while (seen.Count < 2)
        {
            var (alert, _) = await console.WaitForAsync(a => (a.DeviceId == button || a.DeviceId == smokeAlarm) && !seen.ContainsKey(a.DeviceId), Patience);
            seen[alert.DeviceId] = alert;
        }

        var (press, fire) = (seen[button], seen[smokeAlarm]);
        (await api.AcknowledgeAsync(fire.AlertId)).EnsureSuccessStatusCode();
        Assert.NotNull(await Eventually.ValueAsync(() => HeartRatesAsync(api, bed), Patience, "the vitals in the backed-up InfluxDB"));
        var serviceId = source.Environment["Orleans__ServiceId"];
        var siteState = $"{serviceId}/state/household/{callHome}/site-v2";
        Assert.Equal("1", await RedisAsync(6380, "exists", siteState));

        await using var archives = new TemporaryFolder();
        var backup = (await DeployScript.RunAsync("backup.sh",
            ["--output", archives.Path, "--postgres-db", source.Database, "--influx-db", source.Environment["Influx__Database"]],
            new Dictionary<string, string> { ["CAREIOT_STATE"] = TestPaths.StateDirectory })).OrThrow("deploy/backup.sh");
        var archive = backup.Stdout.Trim().Split('\n')[^1];
        // What happens after the backup is not in it.
        var (lateHome, _) = await api.RegisterHouseholdWithCallButtonAsync();

        Assert.Matches(@"^careiot-backup-\d{8}T\d{6}Z\.tar\.gz$", Path.GetFileName(archive));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(archive));
        var manifest = (await DeployScript.CommandAsync("tar", ["-xzOf", archive, "--wildcards", "*/MANIFEST"])).OrThrow("tar").Stdout;
        Assert.Contains($"\npostgres {source.Database} postgres/{source.Database}.dump\n", manifest);
        Assert.Contains($"\ninfluxdb {source.Environment["Influx__Database"]} ", manifest);
        foreach (var line in new[] { "\nredis redis/dump.rdb ", "\nmosquitto mosquitto/passwd ", "\ntls tls ", "\nsecrets secrets " })
        {
            Assert.Contains(line, manifest);
        }

        var (restored, restore) = await RestoredCentre.RestoreAsync(archive);
        await using var stopsAndRemovesTheRestoredCentre = restored;
        restore.OrThrow("deploy/restore.sh");
        Assert.Contains($"RESTORED postgres {source.Database}\n", restore.Stdout);
        var again = await DeployScript.RunAsync("restore.sh", [archive], new Dictionary<string, string> { ["CAREIOT_STATE"] = restored.State });
        Assert.NotEqual(0, again.ExitCode);
        Assert.Contains("is not empty", again.Stderr);
        Assert.Equal("1", await RedisAsync(restored.RedisPort, "exists", siteState));
        Assert.Equal("0", await RedisAsync(restored.RedisPort, "exists", $"{serviceId}/members/{source.Environment["Orleans__ClusterId"]}"));
        Assert.Equal(await File.ReadAllBytesAsync(Path.Combine(TestPaths.StateDirectory, "tls", "ca.key")), await File.ReadAllBytesAsync(Path.Combine(restored.State, "tls", "ca.key")));

        await restored.StartServerAsync(source.Environment, source.Database);
        var server = restored.Server!.BaseAddress;
        using var admin = new CareIoTApi(server);
        using var asDispatcher = new CareIoTApi(server, dispatcher, dispatcherPassword);
        var open = await admin.OpenAlertsAsync();
        Assert.Equal("Raised", Assert.Single(open, a => a.AlertId == press.AlertId).Status);
        var acknowledged = Assert.Single(open, a => a.AlertId == fire.AlertId);
        Assert.Equal("Acknowledged", acknowledged.Status);
        Assert.Equal(TestUsers.Admin, acknowledged.AcknowledgedBy);
        Assert.Contains((await admin.AlertHistoryAsync(fire.AlertId))!.Events, e => e.Kind == "Acknowledged" && e.Actor == TestUsers.Admin);
        Assert.Contains(await admin.HouseholdAlertsAsync(callHome), a => a.AlertId == press.AlertId);
        var home = await admin.Http.GetFromJsonAsync<JsonElement>($"api/sites/households/{callHome}", Json.Web);
        Assert.Contains("李桂兰", home.GetRawText());
        var devices = await admin.Http.GetFromJsonAsync<SiteDeviceDto[]>($"api/sites/households/{smokeHome}/devices", Json.Web);
        Assert.Contains(devices!, d => d.DeviceId == smokeAlarm);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.Http.GetAsync($"api/sites/households/{lateHome}")).StatusCode);
        Assert.Equal(61.0, Assert.Single((await Eventually.ValueAsync(() => HeartRatesAsync(admin, bed), Patience, "the restored vitals"))!));
        // The backed-up centre's session cookie: its cookie keys and its session came back too.
        using var sameSession = new HttpClient(new HttpClientHandler { CookieContainer = api.Cookies }) { BaseAddress = server };
        Assert.Equal(HttpStatusCode.OK, (await sameSession.GetAsync("api/auth/me")).StatusCode);

        await using (var impostor = new DeviceSimulatorClient("127.0.0.1", restored.MqttPort, button, "not-its-password"))
        {
            Assert.NotEqual(MqttClientConnectResultCode.Success, (await impostor.ConnectAsync()).ResultCode);
        }

        await using (var device = await ConnectAsync(restored.MqttPort, button, passwords[button]))
        {
            Assert.Equal(MqttClientSubscribeResultCode.GrantedQoS1, await device.SubscribeReceiptsAsync(button));
            var secondPress = await device.PressAsync(button);
            Assert.True(await device.WaitForReceiptAsync(secondPress, Patience), "the restored centre receipts the press");
        }

        // The second press is a repeat of the restored open alert, on the restored centre only.
        await Eventually.ValueAsync(async () => (await admin.OpenAlertsAsync()).FirstOrDefault(a => a.AlertId == press.AlertId && a.Occurrences == 2), Patience, "the press as a repeat");
        Assert.Equal(1, Assert.Single(await api.OpenAlertsAsync(), a => a.AlertId == press.AlertId).Occurrences);

        (await restored.StopAsync()).OrThrow("deploy/services.sh stop");
        var status = (await restored.RunAsync("services.sh", "status")).OrThrow("deploy/services.sh status").Stdout;
        Assert.DoesNotContain(" running", status);
        Assert.True(await api.IsHealthyAsync(), "the test run's services and host run on");
    }

    /// <summary>A device logged in to a broker on loopback with its password (a new password needs the broker's reload first).</summary>
    private static async Task<DeviceSimulatorClient> ConnectAsync(int port, string deviceId, string password)
    {
        DeviceSimulatorClient? connected = null;
        var ok = await Eventually.TrueAsync(async () =>
        {
            var device = new DeviceSimulatorClient("127.0.0.1", port, deviceId, password);
            try
            {
                if ((await device.ConnectAsync()).ResultCode == MqttClientConnectResultCode.Success)
                {
                    connected = device;
                    return true;
                }
            }
            catch (MQTTnet.Exceptions.MqttCommunicationException)
            {
            }

            await device.DisposeAsync();
            return false;
        }, TimeSpan.FromSeconds(10));
        return ok && connected is not null ? connected : throw new TimeoutException($"{deviceId} could not log in to the broker on port {port}");
    }

    private static async Task<double[]?> HeartRatesAsync(CareIoTApi api, string bed)
    {
        var points = await api.Http.GetFromJsonAsync<VitalsPointDto[]>($"api/sites/beds/{bed}/vitals/history?hours=1", Json.Web);
        var rates = points?.Where(p => p.HeartRate is not null).Select(p => p.HeartRate!.Value).ToArray() ?? [];
        return rates.Length > 0 ? rates : null;
    }

    private static async Task<string> RedisAsync(int port, params string[] command) =>
        (await DeployScript.CommandAsync("redis-cli", ["-p", port.ToString(CultureInfo.InvariantCulture), .. command])).OrThrow("redis-cli").Stdout.Trim();
}
