using System.Diagnostics;
using System.Runtime.InteropServices;

namespace CareIoT.IntegrationTests;

/// <summary>
/// The real CareIoT server as a separate process, on its own ports, so a test can stop it
/// gracefully (SIGTERM) or kill it (SIGKILL) and start it again with the same identity.
/// </summary>
public sealed partial class ServerProcess(IReadOnlyDictionary<string, string> environment, string logFile) : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);

    private Process? _process;

    public int HttpPort { get; } = FreePort.Next();

    public Uri BaseAddress => new($"http://127.0.0.1:{HttpPort}/");

    public async Task StartAsync()
    {
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { TestPaths.ServerAssembly, "--contentRoot", Path.Combine(TestPaths.RepositoryRoot, "src", "CareIoT.Server"), "--urls", BaseAddress.ToString().TrimEnd('/') },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        var process = Process.Start(start)!;
        _process = process;
        var log = TextWriter.Synchronized(new StreamWriter(logFile, append: true) { AutoFlush = true });
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) { log.WriteLine(e.Data); } };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { log.WriteLine(e.Data); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(2) };
        var healthy = await Eventually.TrueAsync(async () =>
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"The server exited with code {process.ExitCode}; see {logFile}");
            }

            try
            {
                return (await http.GetAsync("health")).IsSuccessStatusCode;
            }
            catch (HttpRequestException)
            {
                return false;
            }
            catch (TaskCanceledException)
            {
                return false;
            }
        }, StartTimeout);
        if (!healthy)
        {
            throw new TimeoutException($"The server did not become healthy within {StartTimeout}; see {logFile}");
        }
    }

    /// <summary>Graceful stop, as a service manager does it.</summary>
    public Task StopAsync() => SignalAndWaitAsync(signal: 15);

    /// <summary>Sudden death: no shutdown code runs.</summary>
    public Task KillAsync() => SignalAndWaitAsync(signal: 9);

    /// <summary>A hang (SIGSTOP): the process holds its sockets and answers nothing until <see cref="Thaw"/>.</summary>
    public void Freeze() => Signal(19);

    /// <summary>SIGCONT after <see cref="Freeze"/>.</summary>
    public void Thaw() => Signal(18);

    private void Signal(int signal)
    {
        if (_process is { HasExited: false } process)
        {
            _ = Kill(process.Id, signal);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_process is { HasExited: false })
        {
            await StopAsync();
        }

        _process?.Dispose();
    }

    private async Task SignalAndWaitAsync(int signal)
    {
        if (_process is not { HasExited: false } process)
        {
            return;
        }

        _ = Kill(process.Id, signal);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
    }

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int Kill(int pid, int signal);
}
