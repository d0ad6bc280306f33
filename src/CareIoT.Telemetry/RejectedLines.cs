namespace CareIoT.Telemetry;

/// <summary>
/// Finds the lines a 400 answer names. InfluxDB 1.x reports each unparseable line as
/// <c>unable to parse '&lt;line&gt;': &lt;reason&gt;</c>, one per line of its message, and stores the
/// rest; other 400s (a field type conflict) name no line, and then every line counts as rejected.
/// </summary>
internal static class RejectedLines
{
    private const string Prefix = "unable to parse '";
    private const string Suffix = "': ";

    public static IReadOnlyList<string> Find(string message, IReadOnlyList<string> lines)
    {
        var sent = new HashSet<string>(lines, StringComparer.Ordinal);
        var named = new HashSet<string>(StringComparer.Ordinal);
        for (var start = message.IndexOf(Prefix, StringComparison.Ordinal); start >= 0;
             start = message.IndexOf(Prefix, start + 1, StringComparison.Ordinal))
        {
            var from = start + Prefix.Length;
            // Our lines hold no line break, so the quoted line ends before the next one.
            var lineEnd = message.IndexOf('\n', from);
            var limit = lineEnd < 0 ? message.Length : lineEnd;
            for (var end = message.IndexOf(Suffix, from, limit - from, StringComparison.Ordinal); end >= 0;
                 end = message.IndexOf(Suffix, end + 1, limit - end - 1, StringComparison.Ordinal))
            {
                var candidate = message[from..end];
                if (sent.Contains(candidate))
                {
                    named.Add(candidate);
                    break;
                }
            }
        }

        return named.Count == 0 ? lines : [.. lines.Where(named.Contains)];
    }
}
