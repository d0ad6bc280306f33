using System.Globalization;
using System.Text;
using Microsoft.Extensions.Logging;

namespace CareIoT.Telemetry;

/// <summary>
/// Where rejected lines go: appended to a line-protocol file, each group under a <c>#</c> comment
/// with the time and the server's message, so the file can be read, fixed and written back as it
/// is. Counts the lines and logs an error; never throws for a disk that refuses (the lines are then
/// counted as dropped).
/// </summary>
internal sealed class DeadLetterFile(string path, TimeProvider time, WriterStats stats, ILogger logger)
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    public string Path { get; } = System.IO.Path.GetFullPath(path);

    /// <summary>Dead-letters the lines of a gzip body that the server named, or all of them when it named none.</summary>
    public void Record(byte[] gzipBody, WriteOutcome outcome, bool fromSpool)
    {
        var lines = WriteBatch.ReadLines(gzipBody);
        var rejected = RejectedLines.Find(outcome.Detail, lines);
        // InfluxDB stored the lines it did not name.
        var stored = lines.Count - rejected.Count;
        stats.Written(stored);
        if (fromSpool)
        {
            stats.Backfilled(stored);
        }

        try
        {
            Append(rejected, outcome);
            stats.DeadLettered(rejected.Count);
            logger.LogError("InfluxDB rejected {Rejected} of {Lines} lines ({Reason}); they are in the dead-letter file {Path}",
                rejected.Count, lines.Count, outcome, Path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            stats.Dropped(rejected.Count);
            logger.LogError(ex, "InfluxDB rejected {Rejected} lines ({Reason}) and the dead-letter file {Path} cannot be written; they are lost",
                rejected.Count, outcome, Path);
        }
    }

    private void Append(IReadOnlyList<string> lines, WriteOutcome outcome)
    {
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(Path)!);
        using var stream = new FileStream(Path, FileMode.Append, FileAccess.Write, FileShare.Read);
        using var writer = new StreamWriter(stream, Utf8);
        writer.Write("# ");
        writer.Write(time.GetUtcNow().ToString("O", CultureInfo.InvariantCulture));
        writer.Write(" rejected ");
        writer.Write(outcome.ToString().ReplaceLineEndings(" | "));
        writer.Write('\n');
        foreach (var line in lines)
        {
            writer.Write(line);
            writer.Write('\n');
        }
    }
}
