using System.IO.Compression;
using System.Text;

namespace CareIoT.Telemetry;

/// <summary>A gzip-compressed request body of newline-terminated lines, and how many points it holds.</summary>
internal sealed class WriteBatch(byte[] body, int points)
{
    public byte[] Body { get; } = body;

    public int Points { get; } = points;

    /// <summary>The lines of a gzip body (a batch's or a spool segment's), for dead-lettering.</summary>
    public static IReadOnlyList<string> ReadLines(byte[] gzipBody)
    {
        using var reader = new StreamReader(new GZipStream(new MemoryStream(gzipBody), CompressionMode.Decompress), Encoding.UTF8);
        var lines = new List<string>();
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0)
            {
                lines.Add(line);
            }
        }

        return lines;
    }
}
