using Npgsql;

namespace CareIoT.IntegrationTests;

/// <summary>
/// One real server process for the integration collection, on real services, with an identity
/// of its own: its own PostgreSQL database (dropped afterwards), Orleans service id and MQTT
/// client id, so it neither sees nor disturbs a development instance.
/// </summary>
public class CareIoTHostFixture : IAsyncLifetime
{
    private readonly string _database = $"careiot_it_{Guid.NewGuid():N}"[..30];

    public ServicesFixture Services { get; } = new();

    public ServerProcess Server { get; private set; } = null!;

    /// <summary>Where this host's DC-09 receiver listens (TCP and UDP, loopback).</summary>
    public int PanelPort { get; private set; }

    public string LogFile { get; } = Path.Combine(Path.GetTempPath(), $"careiot-it-{DateTime.UtcNow:yyyyMMddHHmmss}.log");

    /// <summary>The host's telemetry database in the shared influxd.</summary>
    public string InfluxDatabase { get; private set; } = "";

    public string JournalConnectionString =>
        new NpgsqlConnectionStringBuilder(Services.PostgresConnectionString) { Database = _database }.ConnectionString;

    public async Task InitializeAsync()
    {
        var environment = HostEnvironment(Services, JournalConnectionString, Guid.NewGuid().ToString("N")[..12]);
        Configure(environment);
        InfluxDatabase = environment["Influx__Database"];
        PanelPort = int.Parse(environment["Dc09__Port"], System.Globalization.CultureInfo.InvariantCulture);
        Server = new ServerProcess(environment, LogFile);
        await Server.StartAsync();
    }

    /// <summary>
    /// What a test host needs to find the real services, with an identity of its own: cluster
    /// <paramref name="cluster"/> (shared by silos of one cluster), the silo's own ports and MQTT
    /// client id (<paramref name="silo"/>), and the cluster's telemetry database.
    /// </summary>
    public static Dictionary<string, string> HostEnvironment(ServicesFixture services, string journal, string cluster, string silo = "1") => new()
    {
        ["ConnectionStrings__Postgres"] = journal,
        ["ConnectionStrings__Redis"] = services.RedisConnectionString,
        ["Orleans__ClusterId"] = $"it-{cluster}",
        ["Orleans__ServiceId"] = $"careiot-it-{cluster}",
        ["Orleans__SiloPort"] = FreePort.Next().ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Orleans__GatewayPort"] = FreePort.Next().ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Dc09__Port"] = FreePort.Next().ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Mqtt__Host"] = services.MqttHost,
        ["Mqtt__Port"] = services.MqttPlatformPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Broker__PublicPort"] = services.MqttPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Mqtt__Username"] = services.MqttIngestUsername,
        ["Mqtt__Password"] = services.MqttIngestPassword,
        ["Mqtt__ClientId"] = $"careiot-it-{cluster}-{silo}",
        // Long enough for any restart a test makes; short, so a finished test host's session does not
        // gather every device message at the shared broker for long (the broker saves it every 5 s).
        ["Mqtt__SessionExpirySeconds"] = "120",
        ["Auth__InitialAdminPassword"] = TestUsers.AdminPassword,
        ["Influx__Url"] = services.InfluxUrl,
        ["Influx__Database"] = $"it_{cluster}",
        ["Influx__SpoolDirectory"] = Path.Combine(Path.GetTempPath(), $"careiot-it-{cluster}-{silo}", "influx-spool"),
        ["Broker__UsersScript"] = Path.Combine(TestPaths.RepositoryRoot, "deploy", "mosquitto-users.sh"),
        ["CAREIOT_STATE"] = TestPaths.StateDirectory,
        ["Logging__Directory"] = Path.Combine(Path.GetTempPath(), $"careiot-it-{cluster}-{silo}"),
    };

    /// <summary>Lets a derived fixture change the host's settings (e.g. short escalation times).</summary>
    protected virtual void Configure(Dictionary<string, string> environment)
    {
    }

    /// <summary>A device connected to the real broker with credentials of its own.</summary>
    public async Task<DeviceSimulatorClient> ConnectDeviceAsync(string deviceId, bool withLastWill = false)
    {
        var password = Services.IssueCredentials(deviceId)[deviceId];
        var device = new DeviceSimulatorClient(Services.MqttHost, Services.MqttPort, deviceId, password);
        // The broker reloads its password file on SIGHUP; the first attempts may come before that.
        var connected = await Eventually.TrueAsync(async () =>
        {
            try
            {
                var result = await device.ConnectAsync(withLastWill ? "offline" : null);
                return result.ResultCode == MQTTnet.MqttClientConnectResultCode.Success;
            }
            catch (MQTTnet.Exceptions.MqttCommunicationException)
            {
                return false;
            }
        }, TimeSpan.FromSeconds(10));
        return connected ? device : throw new TimeoutException($"Device {deviceId} could not connect with its new credentials");
    }

    public async Task DisposeAsync()
    {
        await Server.DisposeAsync();
        await TestDatabase.DropAsync(Services.PostgresConnectionString, _database);
        Services.Dispose();
    }
}

[CollectionDefinition(Name)]
public sealed class CareIoTHostCollection : ICollectionFixture<CareIoTHostFixture>
{
    public const string Name = "CareIoT host";
}
