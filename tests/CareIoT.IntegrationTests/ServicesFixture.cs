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
        foreach (var line in RunScript("start").Split('\n', StringSplitOptions.RemoveEmptyEntries))
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
        var mqtt = runtime.RootElement.GetProperty("Mqtt");
        MqttHost = mqtt.GetProperty("Host").GetString()!;
        MqttPort = mqtt.GetProperty("Port").GetInt32();
    }

    public string PostgresConnectionString { get; }

    public string RedisConnectionString { get; }

    public string MqttHost { get; }

    public int MqttPort { get; }

    public void Dispose()
    {
        if (_started.Count > 0)
        {
            RunScript("stop " + string.Join(' ', _started));
        }
    }

    private static string RunScript(string arguments)
    {
        var start = new ProcessStartInfo("bash", $"{Path.Combine(TestPaths.RepositoryRoot, "deploy", "services.sh")} {arguments}")
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
            throw new InvalidOperationException($"deploy/services.sh {arguments} failed ({process.ExitCode}): {stderr.Result}");
        }

        return stdout;
    }
}
