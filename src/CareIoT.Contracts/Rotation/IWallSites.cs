namespace CareIoT.Contracts.Rotation;

/// <summary>Which wall tile (a facility's or a community's key) a household or bed belongs to: the registry's answer.</summary>
public interface IWallSites
{
    /// <summary>The tile's key; null for a site on no tile (a bed outside any facility).</summary>
    Task<string?> WallSiteOfAsync(SiteRef site, CancellationToken cancellationToken);
}
