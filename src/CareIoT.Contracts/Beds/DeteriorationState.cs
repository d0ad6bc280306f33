namespace CareIoT.Contracts;

/// <summary>Where a bed stands in spotting slow deterioration: consecutive nights above usual, whether a notice went out for them.</summary>
[GenerateSerializer, Immutable, Alias("CareIoT.DeteriorationState")]
public sealed record DeteriorationState(int Nights, bool InEpisode, DateOnly? Since, DateOnly? LastNight)
{
    public static readonly DeteriorationState None = new(0, false, null, null);
}
