namespace CareIoT.Contracts;

/// <summary>One household's rule settings: the welfare check after a silence (null turns it off).</summary>
[GenerateSerializer, Immutable, Alias("CareIoT.HouseholdThresholds")]
public sealed record HouseholdThresholds
{
    [Id(0)] public TimeSpan? InactivityLimit { get; init; } = TimeSpan.FromHours(24);

    public IReadOnlyList<string> Problems() =>
        InactivityLimit is { } limit && limit < TimeSpan.FromHours(1) ? ["inactivityLimit must be at least one hour"] : [];
}
