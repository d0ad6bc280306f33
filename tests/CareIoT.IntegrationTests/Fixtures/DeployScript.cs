using System.Diagnostics;

namespace CareIoT.IntegrationTests;

/// <summary>Runs a command of the deployment (a <c>deploy/</c> script, a service's own client) and hands back all it said.</summary>
internal static class DeployScript
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(5);

    /// <summary>Runs <c>deploy/<paramref name="script"/></c> with <paramref name="environment"/> on top of this process's.</summary>
    public static Task<CommandResult> RunAsync(string script, IEnumerable<string> arguments, IReadOnlyDictionary<string, string> environment) =>
        CommandAsync("bash", [Path.Combine(TestPaths.RepositoryRoot, "deploy", script), .. arguments], environment);

    /// <summary>
    /// Runs a program. Port settings of the deploy scripts (<c>CAREIOT_*_PORT</c>) are not inherited from this
    /// process: a command sees only those <paramref name="environment"/> gives it.
    /// </summary>
    public static async Task<CommandResult> CommandAsync(string program, IEnumerable<string> arguments, IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var inherited in start.Environment.Keys.Where(k => k.StartsWith("CAREIOT_", StringComparison.Ordinal) && k.EndsWith("_PORT", StringComparison.Ordinal)).ToList())
        {
            start.Environment.Remove(inherited);
        }

        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{program} did not start");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(Timeout);
        return new CommandResult(process.ExitCode, await stdout, await stderr);
    }
}

/// <summary>What a command ended with and said.</summary>
internal sealed record CommandResult(int ExitCode, string Stdout, string Stderr)
{
    /// <summary>Throws with everything the command said unless it succeeded.</summary>
    public CommandResult OrThrow(string what) =>
        ExitCode == 0 ? this : throw new InvalidOperationException($"{what} failed ({ExitCode}):\n{Stdout}\n{Stderr}");
}
