namespace CareIoT.Baselines.Tests;

public sealed class CountedValuesTests
{
    [Fact]
    public void TheMedianOfAnEvenCountIsTheMeanOfTheMiddleTwoAndTheSpreadIsScaledMad()
    {
        // 10, 12, 12, 20: median (12 + 12) / 2 = 12; deviations 2, 0, 0, 8 → MAD (0 + 2) / 2 = 1 → spread 1.4826.
        var values = new CountedValues();
        values.Add(10);
        values.Add(12, 2);
        values.Add(20);

        Assert.Equal((12, 1.4826), values.MedianAndSpread(0));
    }

    [Fact]
    public void TheCompactFormReadsBackToTheSameFigures()
    {
        var values = new CountedValues();
        foreach (var v in new[] { 61, 63, 63, 64, 70, 58 })
        {
            values.Add(v);
        }

        var (from, counts) = values.ToRange();
        var copy = new CountedValues();
        copy.AddRange(from, counts);

        Assert.Equal(58, from);
        Assert.Equal(13, counts.Length);
        Assert.Equal(values.MedianAndSpread(2), copy.MedianAndSpread(2));
        Assert.Equal(6, copy.Total);
    }
}
