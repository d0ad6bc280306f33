namespace CareIoT.Baselines;

/// <summary>Median and median absolute deviation, robust to the odd wild reading a mattress gives.</summary>
public static class RobustStatistics
{
    /// <summary>1.4826 × MAD estimates the standard deviation of normally distributed values.</summary>
    public const double MadToSigma = 1.4826;

    /// <summary>The median of the values; sorts them in place. NaN for none.</summary>
    public static double Median(Span<double> values)
    {
        if (values.IsEmpty)
        {
            return double.NaN;
        }

        values.Sort();
        var middle = values.Length / 2;
        return values.Length % 2 == 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2;
    }

    /// <summary>The median and the spread (1.4826 × MAD, at least <paramref name="floor"/>); reorders the values.</summary>
    public static (double Median, double Spread) MedianAndSpread(Span<double> values, double floor)
    {
        var median = Median(values);
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = Math.Abs(values[i] - median);
        }

        return (median, Math.Max(floor, MadToSigma * Median(values)));
    }
}
