namespace CareIoT.Server.SelfWatch;

/// <summary>When the platform calls itself blind (section <c>SelfWatch</c>).</summary>
public sealed class SelfWatchOptions
{
    public const string Section = "SelfWatch";

    public TimeSpan CheckEvery { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>No device message at all for this long: every device heartbeats within 15 min, mattresses every minute.</summary>
    public TimeSpan SilenceLimit { get; set; } = TimeSpan.FromMinutes(3);

    /// <summary>Telemetry waiting in the on-disk spool above this many bytes, and growing: InfluxDB is not taking writes.</summary>
    public long SpoolBytesLimit { get; set; } = 1_000_000;
}
