namespace CareIoT.Telemetry.Tests;

/// <summary>Test points: numbered, so order and loss are visible in what was sent.</summary>
internal static class Points
{
    public static readonly DateTimeOffset Start = new(2025, 3, 1, 8, 0, 0, TimeSpan.Zero);

    public static LinePoint Numbered(int n) => new(
        "vitals",
        new Dictionary<string, string> { ["bed"] = "A1" },
        new Dictionary<string, FieldValue> { ["n"] = n },
        Start.AddSeconds(n));

    public static IEnumerable<LinePoint> Numbered(int from, int count) => Enumerable.Range(from, count).Select(n => Numbered(n));

    /// <summary>The numbers of the points in lines written by <see cref="Numbered(int)"/>.</summary>
    public static IEnumerable<int> NumbersIn(IEnumerable<string> lines) =>
        lines.Select(line => int.Parse(line.Split(' ')[1]["n=".Length..^1], System.Globalization.CultureInfo.InvariantCulture));
}
