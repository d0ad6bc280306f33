namespace CareIoT.Grains.Outages;

/// <summary>Configuration section <c>Outages</c>: how many offline devices of one area, within what window, make a storm.</summary>
public sealed class OutageOptions
{
    public const string Section = "Outages";

    public int Threshold { get; set; } = 20;

    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(2);
}
