namespace CareIoT.Benchmarks;

/// <summary>Latency distribution of a sample, in milliseconds.</summary>
public sealed record Percentiles(double P50, double P99, double Max, int Count)
{
    public static Percentiles Of(List<double> samples)
    {
        samples.Sort();
        double At(double p) => samples[Math.Min(samples.Count - 1, (int)Math.Ceiling(p * samples.Count) - 1)];
        return new Percentiles(At(0.50), At(0.99), samples[^1], samples.Count);
    }
}
