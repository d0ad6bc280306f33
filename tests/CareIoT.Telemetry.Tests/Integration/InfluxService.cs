using System.Diagnostics;
using System.Text.Json;

namespace CareIoT.Telemetry.Tests.Integration;

/// <summary>
/// influxd as the project's own script runs it: <c>deploy/services.sh start|stop influxdb</c>.
/// With no state folder and port given, the script gets this process's environment as it is
/// (CAREIOT_STATE and CAREIOT_INFLUX_PORT when set, else its defaults).
/// </summary>
internal sealed class InfluxService(string? stateDirectory = null, int? port = null)
{
    public string StateDirectory => stateDirectory ?? TestPaths.StateDirectory;

    /// <summary>Starts influxd unless it runs; true when this call started it.</summary>
    public async Task<bool> StartAsync() =>
        (await RunAsync("start")).Split('\n').Any(line => line.Trim() == "STARTED influxdb");

    /// <summary>Stops influxd; the script only ever stops the one its pid file under the state folder names.</summary>
    public Task StopAsync() => RunAsync("stop");

    /// <summary><c>Influx.Url</c> from the <c>runtime.json</c> the script wrote.</summary>
    public string ReadUrl()
    {
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(StateDirectory, "runtime.json")));
        return json.RootElement.GetProperty("Influx").GetProperty("Url").GetString()
            ?? throw new InvalidOperationException("runtime.json has no Influx.Url.");
    }

    private async Task<string> RunAsync(string command)
    {
        var start = new ProcessStartInfo("bash", [Path.Combine(TestPaths.RepositoryRoot, "deploy", "services.sh"), command, "influxdb"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        if (stateDirectory is not null)
        {
            start.Environment["CAREIOT_STATE"] = stateDirectory;
        }

        if (port is { } p)
        {
            start.Environment["CAREIOT_INFLUX_PORT"] = p.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("bash did not start.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(2));
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"deploy/services.sh {command} influxdb failed ({process.ExitCode}): {await stderr}");
        }

        return await stdout;
    }
}
