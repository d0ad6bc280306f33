using System.Globalization;

namespace CareIoT.Benchmarks;

/// <summary>Busy CPU seconds of the whole machine so far (all processes), from /proc/stat.</summary>
public static class MachineCpu
{
    public static double Busy()
    {
        var fields = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1)
            .Select(f => long.Parse(f, CultureInfo.InvariantCulture)).ToArray();
        // user nice system idle iowait irq softirq steal: busy = all but idle and iowait, in clock ticks (100 per second).
        return (fields.Sum() - fields[3] - fields[4]) / 100.0;
    }
}
