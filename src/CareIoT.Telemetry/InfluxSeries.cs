namespace CareIoT.Telemetry;

/// <summary>
/// One series of a query result. Values are as the JSON carried them: <see cref="long"/> for
/// whole numbers (a float field holding 3.0 arrives as 3), <see cref="double"/> for other numbers,
/// <see cref="string"/>, <see cref="bool"/> or null. Queries ask for <c>epoch=ns</c>, so the
/// <c>time</c> column holds nanoseconds since the Unix epoch as a <see cref="long"/>, exactly.
/// </summary>
public sealed record InfluxSeries(
    string Name,
    IReadOnlyDictionary<string, string> Tags,
    IReadOnlyList<string> Columns,
    IReadOnlyList<IReadOnlyList<object?>> Values)
{
    /// <summary>The index of a column; throws <see cref="KeyNotFoundException"/> when the series has none of that name.</summary>
    public int Column(string name)
    {
        for (var i = 0; i < Columns.Count; i++)
        {
            if (Columns[i] == name)
            {
                return i;
            }
        }

        throw new KeyNotFoundException($"Series \"{Name}\" has no column \"{name}\"; it has {string.Join(", ", Columns)}.");
    }

    public object? Value(int row, string column) => Values[row][Column(column)];

    /// <summary>The <c>time</c> column of a row as nanoseconds since the Unix epoch.</summary>
    public long UnixNanoseconds(int row) => Convert.ToInt64(Value(row, "time"), System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The <c>time</c> column of a row, to the 100 ns a <see cref="DateTimeOffset"/> holds.</summary>
    public DateTimeOffset Time(int row) => LineProtocol.FromUnixNanoseconds(UnixNanoseconds(row));
}
