using CareIoT.Contracts;

namespace CareIoT.Grains;

/// <summary>A bed's resident as the bed grain keeps them: since when, their baseline, the nights learned, deterioration.</summary>
[GenerateSerializer, Alias("CareIoT.BedCare")]
public sealed class BedCare
{
    /// <summary>When the current resident took the bed; null: since the bed's first night.</summary>
    [Id(0)]
    public DateTimeOffset? OccupiedSince { get; set; }

    [Id(1)]
    public ResidentBaseline? Baseline { get; set; }

    /// <summary>Nights with enough data towards (or in) the baseline.</summary>
    [Id(2)]
    public int Nights { get; set; }

    [Id(3)]
    public DeteriorationState Deterioration { get; set; } = DeteriorationState.None;

    /// <summary>The newest night looked at (learned, or found empty).</summary>
    [Id(4)]
    public DateOnly? LastNight { get; set; }

    [Id(5)]
    public NightSummary? LastSummary { get; set; }
}
