namespace CareIoT.Contracts;

/// <summary>A reference to the household or bed a device is bound to.</summary>
[GenerateSerializer, Immutable, Alias("CareIoT.SiteRef")]
public sealed record SiteRef(SiteKind Kind, string Id)
{
    public override string ToString() => $"{Kind.ToString().ToLowerInvariant()}:{Id}";
}
