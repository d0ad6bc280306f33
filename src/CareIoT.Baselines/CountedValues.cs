namespace CareIoT.Baselines;

/// <summary>
/// Whole values with how often each was seen (a histogram), merged over nights; the median and the spread
/// (1.4826 × the median absolute deviation) computed exactly from the counts, without the values themselves.
/// </summary>
public sealed class CountedValues
{
    /// <summary>1.4826 × MAD estimates the standard deviation of normally distributed values.</summary>
    public const double MadToSigma = 1.4826;

    private readonly SortedDictionary<int, long> _counts = [];

    public long Total { get; private set; }

    public void Add(int value, long count = 1)
    {
        if (count <= 0)
        {
            return;
        }

        _counts[value] = _counts.GetValueOrDefault(value) + count;
        Total += count;
    }

    public void AddRange(int from, int[] counts)
    {
        for (var i = 0; i < counts.Length; i++)
        {
            Add(from + i, counts[i]);
        }
    }

    /// <summary>(first value, counts from it on) — the compact form <see cref="AddRange"/> reads back.</summary>
    public (int From, int[] Counts) ToRange()
    {
        if (Total == 0)
        {
            return (0, []);
        }

        var from = _counts.Keys.First();
        var counts = new int[_counts.Keys.Last() - from + 1];
        foreach (var (value, count) in _counts)
        {
            counts[value - from] = (int)count;
        }

        return (from, counts);
    }

    /// <summary>Median and robust spread (at least <paramref name="floor"/>); NaN median when empty.</summary>
    public (double Median, double Spread) MedianAndSpread(double floor)
    {
        if (Total == 0)
        {
            return (double.NaN, floor);
        }

        var median = Median(_counts.Select(c => ((double)c.Key, c.Value)).ToList(), Total);
        var deviations = _counts.Select(c => (Math.Abs(c.Key - median), c.Value)).OrderBy(d => d.Item1).ToList();
        return (median, Math.Max(floor, MadToSigma * Median(deviations, Total)));
    }

    /// <summary>The median of sorted (value, count) pairs holding <paramref name="total"/> values.</summary>
    private static double Median(List<(double Value, long Count)> sorted, long total)
    {
        // The middle one (odd total) or the mean of the middle two (even total): positions are 0-based.
        double Nth(long position)
        {
            long seen = 0;
            foreach (var (value, count) in sorted)
            {
                seen += count;
                if (position < seen)
                {
                    return value;
                }
            }

            return sorted[^1].Value;
        }

        return total % 2 == 1 ? Nth(total / 2) : (Nth(total / 2 - 1) + Nth(total / 2)) / 2;
    }
}
