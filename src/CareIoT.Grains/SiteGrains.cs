using CareIoT.Contracts;

namespace CareIoT.Grains;

public static class SiteGrains
{
    /// <summary>The grain of a household or a bed, by reference.</summary>
    public static ISiteGrain Site(this IGrainFactory grains, SiteRef site) => site.Kind switch
    {
        SiteKind.Household => grains.GetGrainByKey<IHouseholdGrain>(site.Id),
        SiteKind.Bed => grains.GetGrainByKey<IBedGrain>(site.Id),
        _ => throw new InvalidOperationException($"Unknown site kind {site.Kind}"),
    };

    /// <summary>The same grain as the installer's walk test sees it.</summary>
    public static IWalkTestSite WalkTestSite(this IGrainFactory grains, SiteRef site) => site.Kind switch
    {
        SiteKind.Household => grains.GetGrainByKey<IHouseholdGrain>(site.Id),
        SiteKind.Bed => grains.GetGrainByKey<IBedGrain>(site.Id),
        _ => throw new InvalidOperationException($"Unknown site kind {site.Kind}"),
    };
}
