namespace CareIoT.Baselines;

/// <summary>A bed's 1-minute mattress series from the telemetry store (InfluxDB in production).</summary>
public interface IBedMinuteSeries
{
    /// <summary>Minutes in [from, to) with a reading, in time order.</summary>
    Task<MinuteSample[]> ReadAsync(string bedId, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken);
}
