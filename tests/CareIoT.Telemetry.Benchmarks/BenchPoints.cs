namespace CareIoT.Telemetry.Benchmarks;

/// <summary>Bed vitals as devices send them: 1,000 beds in 20 wards, one point per bed per second.</summary>
internal static class BenchPoints
{
    private static readonly DateTimeOffset Start = new(2025, 3, 1, 0, 0, 0, TimeSpan.Zero);

    public static LinePoint[] Make(int count)
    {
        var beds = Enumerable.Range(0, 1000)
            .Select(b => new Dictionary<string, string> { ["bed"] = $"B{b:D4}", ["ward"] = $"病区 {b % 20}" })
            .ToArray();
        var points = new LinePoint[count];
        for (var i = 0; i < count; i++)
        {
            var bed = i % beds.Length;
            points[i] = new LinePoint(
                "vitals",
                beds[bed],
                [new("hr", 60 + (i % 40)), new("temp", 36 + ((i % 17) / 10.0)), new("in_bed", i % 5 != 0)],
                Start.AddSeconds(i / beds.Length));
        }

        return points;
    }
}
