namespace CareIoT.Grains.Nights;

/// <summary>When the morning's baseline job runs (local time of <see cref="TimeZone"/>) and how many beds learn at once.</summary>
public sealed class BaselineJobOptions
{
    public TimeOnly RunAt { get; set; } = new(7, 0);

    public string TimeZone { get; set; } = "Asia/Shanghai";

    /// <summary>Beds learning at the same time; each reads one night from InfluxDB per night it learns.</summary>
    public int Concurrency { get; set; } = 4;
}
