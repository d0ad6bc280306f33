using System.Diagnostics;

namespace CareIoT.Benchmarks;

/// <summary>
/// A sampled thread-time trace of the server during the ingest flood, when asked for:
/// <c>CAREIOT_BENCH_TRACE=/path/to/dotnet-trace</c> writes <c>bench-ingest.nettrace</c> to the working
/// folder (read it with <c>dotnet-trace report bench-ingest.nettrace topN</c>). Off by default: the
/// sampling itself costs CPU the figures would otherwise include.
/// </summary>
public sealed class IngestTrace : IDisposable
{
    private readonly Process? _process;

    private IngestTrace(Process? process) => _process = process;

    public static IngestTrace Start(int processId)
    {
        if (Environment.GetEnvironmentVariable("CAREIOT_BENCH_TRACE") is not { Length: > 0 } tool)
        {
            return new IngestTrace(null);
        }

        var start = new ProcessStartInfo(tool) { UseShellExecute = false, RedirectStandardInput = true };
        foreach (var argument in new[] { "collect", "-p", processId.ToString(System.Globalization.CultureInfo.InvariantCulture),
                     "--profile", "dotnet-sampled-thread-time", "--duration", "00:00:00:12", "-o", "bench-ingest.nettrace" })
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start)!;
        Thread.Sleep(2000); // the session needs a moment to attach before the flood starts
        return new IngestTrace(process);
    }

    public void Dispose()
    {
        if (_process is null)
        {
            return;
        }

        _process.WaitForExit(TimeSpan.FromSeconds(60));
        _process.Dispose();
    }
}
