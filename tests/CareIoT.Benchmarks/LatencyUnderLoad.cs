using System.Collections.Concurrent;
using System.Diagnostics;

namespace CareIoT.Benchmarks;

/// <summary>
/// Press → console latency while mattresses publish at a set rate: the buttons (already connected,
/// each heard once) press one after the other at a steady pace, and each press's time runs from its
/// publish to the moment the console (SignalR or websocket, filled by the caller) saw its alarm.
/// </summary>
public static class LatencyUnderLoad
{
    private const double PressesPerSecond = 50;

    public static async Task<(Percentiles Latency, double Load)> MeasureAsync(
        IReadOnlyDictionary<string, string> mattresses, Presses presses, double perSecond, ConcurrentDictionary<string, long> seen)
    {
        await using var load = new MqttLoad(mattresses);
        await load.ConnectAsync();
        using var stop = new CancellationTokenSource();
        var pacing = load.PaceAsync(perSecond, stop.Token);
        await Task.Delay(TimeSpan.FromSeconds(3));
        var loadStart = (Sent: load.Sent, At: Stopwatch.GetTimestamp());
        var pressedAt = await presses.PressAsync(PressesPerSecond);
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (pressedAt.Keys.Count(seen.ContainsKey) < presses.Count && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }

        var loadRate = (load.Sent - loadStart.Sent) / Stopwatch.GetElapsedTime(loadStart.At).TotalSeconds;
        await stop.CancelAsync();
        await pacing;
        var latencies = pressedAt.Where(p => seen.ContainsKey(p.Key)).Select(p => Stopwatch.GetElapsedTime(p.Value, seen[p.Key]).TotalMilliseconds).ToList();
        if (latencies.Count < presses.Count)
        {
            Console.WriteLine($"WARNING: {presses.Count - latencies.Count} of {presses.Count} presses did not reach the console within 30 s");
        }

        return (Percentiles.Of(latencies), loadRate);
    }
}
