using CareIoT.Server.SelfWatch;

namespace CareIoT.Server.Extensions;

public static class SelfWatchExtensions
{
    /// <summary>The platform's watch over itself (section <c>SelfWatch</c>) and <c>GET /api/monitoring/status</c>.</summary>
    public static void AddCareIotSelfWatch(this WebApplicationBuilder builder)
    {
        builder.Services.Configure<SelfWatchOptions>(builder.Configuration.GetSection(SelfWatchOptions.Section));
        builder.Services.AddSingleton<SelfWatch.PlatformWatch>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<SelfWatch.PlatformWatch>());
    }

    public static void MapSelfWatchEndpoints(this IEndpointRouteBuilder app) =>
        app.MapGet("/api/monitoring/status", (SelfWatch.PlatformWatch watch) => watch.Status).RequireAuthorization(Auth.Policies.Watch);
}
