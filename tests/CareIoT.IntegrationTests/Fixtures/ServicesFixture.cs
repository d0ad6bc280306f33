using System.Diagnostics;
using System.Text.Json;

namespace CareIoT.IntegrationTests;

/// <summary>
/// The real services (Mosquitto, Redis, PostgreSQL), started through the project's own
/// <c>deploy/services.sh</c> when they are not running yet, and stopped afterwards only if this
/// fixture started them.
/// </summary>
public sealed class ServicesFixture : IDisposable
{
    private readonly List<string> _started = [];

    public ServicesFixture()
    {
        foreach (var line in RunScript("services.sh", "start").Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            if (line.StartsWith("STARTED ", StringComparison.Ordinal))
            {
                _started.Add(line["STARTED ".Length..].Trim());
            }
        }

        using var runtime = JsonDocument.Parse(File.ReadAllText(Path.Combine(TestPaths.StateDirectory, "runtime.json")));
        var strings = runtime.RootElement.GetProperty("ConnectionStrings");
        PostgresConnectionString = strings.GetProperty("Postgres").GetString()!;
        RedisConnectionString = strings.GetProperty("Redis").GetString()!;
        InfluxUrl = runtime.RootElement.GetProperty("Influx").GetProperty("Url").GetString()!;
        PrometheusUrl = runtime.RootElement.TryGetProperty("Prometheus", out var prometheus) ? prometheus.GetProperty("Url").GetString()! : "http://127.0.0.1:9091";
        var mqtt = runtime.RootElement.GetProperty("Mqtt");
        MqttHost = mqtt.GetProperty("Host").GetString()!;
        MqttPlatformPort = mqtt.GetProperty("Port").GetInt32();
        MqttPort = mqtt.GetProperty("DevicePort").GetInt32();
        MqttIngestUsername = mqtt.GetProperty("Username").GetString()!;
        MqttIngestPassword = mqtt.GetProperty("Password").GetString()!;
        if (runtime.RootElement.TryGetProperty("Tls", out var tls))
        {
            CaCertificatePath = tls.GetProperty("CaCertificate").GetString()!;
            MqttsPort = tls.GetProperty("MqttsPort").GetInt32();
            MqttCertPort = tls.GetProperty("MqttCertPort").GetInt32();
        }
    }

    /// <summary>The deployment CA's certificate (deploy/tls.sh): what devices and browsers trust; empty if runtime.json has none.</summary>
    public string CaCertificatePath { get; } = "";

    /// <summary>The broker's TLS listener for devices with a password (all interfaces).</summary>
    public int MqttsPort { get; }

    /// <summary>The broker's TLS listener for devices with a client certificate (all interfaces).</summary>
    public int MqttCertPort { get; }

    /// <summary>Issues a device's client certificate through the project's own script; returns its PEM files.</summary>
    public (string KeyFile, string CertificateFile) IssueDeviceCertificate(string deviceId)
    {
        var parts = RunScript("device-cert.sh", "issue " + deviceId).Trim().Split(' ');
        return (parts[1], parts[2]);
    }

    /// <summary>Revokes every client certificate of a device through the project's own script.</summary>
    public void RevokeDeviceCertificate(string deviceId) => RunScript("device-cert.sh", "revoke " + deviceId);

    public string MqttIngestUsername { get; }

    public string InfluxUrl { get; }

    /// <summary>The Prometheus deploy/services.sh starts (it scrapes the silos listed by <c>services.sh targets</c>).</summary>
    public string PrometheusUrl { get; }

    public string MqttIngestPassword { get; }

    /// <summary>Issues broker credentials through the project's own script, as an installer does.</summary>
    public IReadOnlyDictionary<string, string> IssueCredentials(params string[] users) =>
        RunScript("mosquitto-users.sh", "add " + string.Join(' ', users))
            .Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line.Split(' ', 2))
            .ToDictionary(parts => parts[0], parts => parts[1].Trim());

    /// <summary>Stops one of the project's services (only one this project started: the scripts check their pid files).</summary>
    public void Stop(string service) => RunScript("services.sh", "stop " + service);

    /// <summary>Starts one of the project's services again.</summary>
    public void Start(string service) => RunScript("services.sh", "start " + service);

    /// <summary>A crash (KILL) or a hang (STOP, then CONT) of a service this project started, through <c>deploy/services.sh signal</c>.</summary>
    public void Signal(string signal, string service) => RunScript("services.sh", $"signal {signal} {service}");

    /// <summary>Revokes broker credentials at once.</summary>
    public void RevokeCredentials(params string[] users) => RunScript("mosquitto-users.sh", "remove " + string.Join(' ', users));

    public string PostgresConnectionString { get; }

    public string RedisConnectionString { get; }

    public string MqttHost { get; }

    /// <summary>The broker's loopback listener for devices (client id = username).</summary>
    public int MqttPort { get; }

    /// <summary>The broker's loopback listener for the platform's own accounts (the ingest lanes).</summary>
    public int MqttPlatformPort { get; }

    public void Dispose()
    {
        if (_started.Count > 0)
        {
            RunScript("services.sh", "stop " + string.Join(' ', _started));
        }
    }

    private static string RunScript(string script, string arguments)
    {
        var start = new ProcessStartInfo("bash", $"{Path.Combine(TestPaths.RepositoryRoot, "deploy", script)} {arguments}")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["CAREIOT_STATE"] = TestPaths.StateDirectory;
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"deploy/{script} {arguments} failed ({process.ExitCode}): {stderr.Result}");
        }

        return stdout;
    }
}
