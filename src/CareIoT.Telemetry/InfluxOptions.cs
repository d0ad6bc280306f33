namespace CareIoT.Telemetry;

/// <summary>
/// Configuration section <c>Influx</c>: where InfluxDB is and how the writer batches, retries and
/// spools. Works with InfluxDB 1.x (<c>/write</c>, <c>/query</c>, optional username and password
/// sent as Basic authentication) and with the v1-compatible API of 2.x and 3.x (set
/// <see cref="Token"/>; it takes precedence over the username and password).
/// </summary>
public sealed class InfluxOptions
{
    public const string Section = "Influx";

    /// <summary>Base address, e.g. <c>http://127.0.0.1:8087</c>; a path prefix is kept.</summary>
    public string Url { get; set; } = "http://127.0.0.1:8087";

    public string Database { get; set; } = "careiot";

    /// <summary>The retention policy to write into; the database's default when null.</summary>
    public string? RetentionPolicy { get; set; }

    public string? Username { get; set; }

    public string? Password { get; set; }

    /// <summary>Sent as <c>Authorization: Token …</c> (InfluxDB 2.x/3.x v1-compatible API).</summary>
    public string? Token { get; set; }

    /// <summary>A batch is sent once it holds this many points.</summary>
    public int BatchSize { get; set; } = 5000;

    /// <summary>A point waits at most this long before its (partial) batch is sent.</summary>
    public TimeSpan FlushInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>One write or query attempt is abandoned (and counts as a failure) after this long.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Retries of a batch after the first attempt, on 5xx, timeouts and refused connections, before it is spooled.</summary>
    public int MaxRetries { get; set; } = 3;

    /// <summary>The first back-off; each further one doubles, up to <see cref="MaxBackoff"/>. Also paces spool back-fill probes.</summary>
    public TimeSpan InitialBackoff { get; set; } = TimeSpan.FromMilliseconds(200);

    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Where batches wait while InfluxDB is unreachable; kept across restarts of the writer.</summary>
    public string SpoolDirectory { get; set; } = "influx-spool";

    /// <summary>Disk the spool may use; beyond it the oldest segments are dropped (and counted).</summary>
    public long SpoolMaxBytes { get; set; } = 1L << 30;

    /// <summary>Lines InfluxDB rejected (HTTP 400) are appended here; default <c>dead-letter.lp</c> in the spool directory.</summary>
    public string? DeadLetterPath { get; set; }

    /// <summary>Bodies are gzip-compressed at this level (<c>Content-Encoding: gzip</c>).</summary>
    public System.IO.Compression.CompressionLevel Compression { get; set; } = System.IO.Compression.CompressionLevel.Fastest;
}
