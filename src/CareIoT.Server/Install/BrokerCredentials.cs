using System.Diagnostics;

namespace CareIoT.Server.Install;

/// <summary>
/// Issues and revokes a device's broker credentials through the project's own
/// <c>deploy/mosquitto-users.sh</c> (<c>Broker:UsersScript</c>): it writes Mosquitto's password file
/// and reloads the broker with SIGHUP, so a new device is accepted and a revoked one refused at
/// once, without a restart. The password is read from the script's output and returned to the
/// caller once; it is never logged.
/// </summary>
public sealed class BrokerCredentials(IConfiguration config, ILogger<BrokerCredentials> logger)
{
    private string? Script => config["Broker:UsersScript"] is { Length: > 0 } path && File.Exists(path) ? path : null;

    public bool IsConfigured => Script is not null;

    public async Task<string> IssueAsync(string deviceId, CancellationToken cancellationToken)
    {
        var output = await RunAsync("add", deviceId, cancellationToken);
        var line = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(l => l.Split(' ', 2)).SingleOrDefault(parts => parts.Length == 2 && parts[0] == deviceId);
        return line?[1] ?? throw new InvalidOperationException($"the broker script issued no password for {deviceId}");
    }

    public Task RevokeAsync(string deviceId, CancellationToken cancellationToken) => RunAsync("remove", deviceId, cancellationToken);

    private async Task<string> RunAsync(string command, string deviceId, CancellationToken cancellationToken)
    {
        var script = Script ?? throw new InvalidOperationException("Broker:UsersScript is not configured");
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(script);
        start.ArgumentList.Add(command);
        start.ArgumentList.Add(deviceId);
        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start the broker script");
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var errors = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        if (process.ExitCode != 0)
        {
            logger.LogError("Broker credentials {Command} for {DeviceId} failed ({ExitCode}): {Errors}", command, deviceId, process.ExitCode, await errors);
            throw new InvalidOperationException($"the broker script failed to {command} {deviceId}");
        }

        logger.LogInformation("Broker credentials {Command} for {DeviceId}", command, deviceId);
        return await output;
    }
}
