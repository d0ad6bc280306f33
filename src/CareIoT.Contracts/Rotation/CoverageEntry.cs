namespace CareIoT.Contracts.Rotation;

/// <summary>A site was on the wall from <see cref="From"/> to <see cref="To"/> while these operators watched.</summary>
[GenerateSerializer, Immutable, Alias("CareIoT.CoverageEntry")]
public sealed record CoverageEntry(string SiteKey, DateTimeOffset From, DateTimeOffset To, IReadOnlyList<string> Operators)
{
    public TimeSpan Duration => To - From;
}
