using CareIoT.Grains.Nights;

namespace CareIoT.Server.Extensions;

public static class BaselineExtensions
{
    /// <summary>The morning's baseline job (section <c>Baselines</c>: RunAt, TimeZone, Concurrency), scheduled at start.</summary>
    public static void AddCareIotBaselines(this WebApplicationBuilder builder)
    {
        builder.Services.Configure<BaselineJobOptions>(builder.Configuration.GetSection("Baselines"));
        builder.Services.AddHostedService<BaselineJobStartup>();
    }
}
