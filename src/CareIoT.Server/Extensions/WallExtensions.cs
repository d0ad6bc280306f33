using CareIoT.Contracts.Rotation;
using CareIoT.Grains.Rotation;
using CareIoT.Server.Wall;

namespace CareIoT.Server.Extensions;

public static class WallExtensions
{
    /// <summary>The rotation wall: its hub push, tile reader and the registry-to-rotation sync.</summary>
    public static void AddCareIotWall(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<IWallNotifier, SignalRWallNotifier>();
        builder.Services.AddSingleton<IWallSites>(sp => sp.GetRequiredService<CareIoT.Postgres.PostgresPlaces>());
        builder.Services.AddSingleton<WallSiteLookup>();
        builder.Services.AddSingleton<WallTileReader>();
        builder.Services.AddSingleton<RotationSiteSync>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<RotationSiteSync>());
    }
}
