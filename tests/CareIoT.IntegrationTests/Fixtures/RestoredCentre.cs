using System.Globalization;
using System.Text.Json;
using Npgsql;

namespace CareIoT.IntegrationTests;

/// <summary>
/// A backup restored by <c>deploy/restore.sh</c> onto a fresh state folder, its services on ports of their own
/// beside the test run's (which keep theirs), and a server on it. Disposing stops the server and, with
/// <c>CAREIOT_STATE=… deploy/services.sh stop</c>, the services this restore started; then removes the folder.
/// </summary>
internal sealed class RestoredCentre : IAsyncDisposable
{
    private static readonly string[] PortVariables =
        ["CAREIOT_MQTT_PORT", "CAREIOT_MQTT_PLATFORM_PORT", "CAREIOT_MQTTS_PORT", "CAREIOT_MQTT_CERT_PORT", "CAREIOT_REDIS_PORT", "CAREIOT_PG_PORT", "CAREIOT_INFLUX_PORT"];

    private RestoredCentre(string state, IReadOnlyDictionary<string, int> ports)
    {
        State = state;
        Ports = ports;
    }

    /// <summary>The restored state folder (<c>CAREIOT_STATE</c>).</summary>
    public string State { get; }

    /// <summary>The ports its services were given (<c>CAREIOT_*_PORT</c>), all free when the restore began.</summary>
    public IReadOnlyDictionary<string, int> Ports { get; }

    public int MqttPort => Ports["CAREIOT_MQTT_PORT"];

    public int RedisPort => Ports["CAREIOT_REDIS_PORT"];

    public ServerProcess? Server { get; private set; }

    public string LogFile => Path.Combine(State, "server.log");

    /// <summary>Runs <c>deploy/restore.sh ARCHIVE</c> onto a new state folder; the result is the script's.</summary>
    public static async Task<(RestoredCentre Centre, CommandResult Restore)> RestoreAsync(string archive)
    {
        var state = Path.Combine(Path.GetTempPath(), $"careiot-restore-{Guid.NewGuid():N}"[..30]);
        var ports = PortVariables.ToDictionary(v => v, _ => FreePort.Next());
        var centre = new RestoredCentre(state, ports);
        var environment = centre.Environment();
        foreach (var (variable, port) in ports)
        {
            environment[variable] = port.ToString(CultureInfo.InvariantCulture);
        }

        return (centre, await DeployScript.RunAsync("restore.sh", [archive], environment));
    }

    /// <summary>A deploy script on the restored state folder, told nothing but the folder (its ports are recorded there).</summary>
    public Task<CommandResult> RunAsync(string script, params string[] arguments) => DeployScript.RunAsync(script, arguments, Environment());

    /// <summary>
    /// Starts a server on the restored services as the backed-up one ran (same cluster and service id, database,
    /// telemetry database, MQTT client id) with everything that reaches a service taken from the restored
    /// state folder's <c>runtime.json</c>, and an initial admin password the backed-up centre never had.
    /// </summary>
    public async Task StartServerAsync(IReadOnlyDictionary<string, string> backedUp, string database)
    {
        using var runtime = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(State, "runtime.json")));
        var root = runtime.RootElement;
        var mqtt = root.GetProperty("Mqtt");
        var environment = new Dictionary<string, string>(backedUp)
        {
            ["ConnectionStrings__Postgres"] = new NpgsqlConnectionStringBuilder(root.GetProperty("ConnectionStrings").GetProperty("Postgres").GetString()) { Database = database }.ConnectionString,
            ["ConnectionStrings__Redis"] = root.GetProperty("ConnectionStrings").GetProperty("Redis").GetString()!,
            ["Mqtt__Port"] = mqtt.GetProperty("Port").GetInt32().ToString(CultureInfo.InvariantCulture),
            ["Mqtt__Password"] = mqtt.GetProperty("Password").GetString()!,
            ["Broker__PublicPort"] = mqtt.GetProperty("DevicePort").GetInt32().ToString(CultureInfo.InvariantCulture),
            ["Influx__Url"] = root.GetProperty("Influx").GetProperty("Url").GetString()!,
            ["Influx__SpoolDirectory"] = Path.Combine(State, "influx-spool"),
            ["Orleans__SiloPort"] = FreePort.Next().ToString(CultureInfo.InvariantCulture),
            ["Orleans__GatewayPort"] = FreePort.Next().ToString(CultureInfo.InvariantCulture),
            ["Dc09__Port"] = FreePort.Next().ToString(CultureInfo.InvariantCulture),
            ["Auth__InitialAdminPassword"] = $"never-{Guid.NewGuid():N}",
            ["Logging__Directory"] = Path.Combine(State, "logs"),
            ["CAREIOT_STATE"] = State,
        };
        Server = new ServerProcess(environment, LogFile);
        await Server.StartAsync();
    }

    /// <summary>Stops the server, then this state folder's services (<c>deploy/services.sh stop</c>); returns what the script said.</summary>
    public async Task<CommandResult> StopAsync()
    {
        if (Server is not null)
        {
            await Server.DisposeAsync();
            Server = null;
        }

        return await RunAsync("services.sh", "stop");
    }

    public async ValueTask DisposeAsync()
    {
        if (Directory.Exists(State))
        {
            (await StopAsync()).OrThrow($"CAREIOT_STATE={State} deploy/services.sh stop");
            Directory.Delete(State, recursive: true);
        }
    }

    private Dictionary<string, string> Environment() => new() { ["CAREIOT_STATE"] = State };
}
