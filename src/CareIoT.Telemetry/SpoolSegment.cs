using System.Globalization;

namespace CareIoT.Telemetry;

/// <summary>One spooled batch: a file <c>{sequence:D19}.{points}.lp.gz</c> holding the exact gzip request body.</summary>
internal sealed record SpoolSegment(string Path, long Sequence, int Points, long Bytes)
{
    public const string Extension = ".lp.gz";

    public static string FileName(long sequence, int points) =>
        string.Create(CultureInfo.InvariantCulture, $"{sequence:D19}.{points}{Extension}");

    /// <summary>The segment a file name describes, or null for a file that is not one.</summary>
    public static SpoolSegment? Parse(string path, long bytes)
    {
        var name = System.IO.Path.GetFileName(path);
        if (!name.EndsWith(Extension, StringComparison.Ordinal))
        {
            return null;
        }

        var parts = name[..^Extension.Length].Split('.');
        return parts.Length == 2
               && long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var sequence)
               && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var points)
            ? new SpoolSegment(path, sequence, points, bytes)
            : null;
    }
}
