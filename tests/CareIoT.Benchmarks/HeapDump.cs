using System.Diagnostics;

namespace CareIoT.Benchmarks;

/// <summary>
/// A heap dump of the server with the twins active, when asked for:
/// <c>CAREIOT_BENCH_GCDUMP=/path/to/dotnet-gcdump</c> writes <c>bench-twins.gcdump</c> to the working
/// folder (read it with <c>dotnet-gcdump report bench-twins.gcdump</c>): which types hold the memory;
/// <c>CAREIOT_BENCH_HOLD_SECONDS=N</c> keeps the server running N s first, for dotnet-counters or a look at /proc.
/// </summary>
public static class HeapDump
{
    public static void CollectIfAsked(int processId)
    {
        if (Environment.GetEnvironmentVariable("CAREIOT_BENCH_HOLD_SECONDS") is { Length: > 0 } hold)
        {
            Console.WriteLine($"  holding the server (pid {processId}) for {hold} s to be inspected");
            Thread.Sleep(TimeSpan.FromSeconds(int.Parse(hold, System.Globalization.CultureInfo.InvariantCulture)));
        }

        if (Environment.GetEnvironmentVariable("CAREIOT_BENCH_GCDUMP") is not { Length: > 0 } tool)
        {
            return;
        }

        var start = new ProcessStartInfo(tool) { UseShellExecute = false };
        foreach (var argument in new[] { "collect", "-p", processId.ToString(System.Globalization.CultureInfo.InvariantCulture), "-o", "bench-twins.gcdump" })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        process.WaitForExit(TimeSpan.FromMinutes(5));
    }
}
