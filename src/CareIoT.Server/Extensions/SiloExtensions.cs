using System.Net;
using CareIoT.Grains;
using Orleans.Configuration;
using StackExchange.Redis;

namespace CareIoT.Server.Extensions;

public static class SiloExtensions
{
    /// <summary>
    /// The Orleans silo, co-hosted with the web server. Membership, grain state and reminders are
    /// in Redis (append-only file on). Ports come from configuration so several silos and tests
    /// can run side by side.
    /// </summary>
    public static void AddCareIotSilo(this WebApplicationBuilder builder)
    {
        var config = builder.Configuration;
        var redis = config.GetConnectionString("Redis")
            ?? throw new InvalidOperationException("ConnectionStrings:Redis is not configured.");
        var siloPort = config.GetValue("Orleans:SiloPort", 11111);
        var gatewayPort = config.GetValue("Orleans:GatewayPort", 30000);

        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.Configure<SupervisionOptions>(config.GetSection(SupervisionOptions.Section));
        builder.Services.Configure<EscalationOptions>(config.GetSection(EscalationOptions.Section));
        builder.Services.Configure<CareIoT.Grains.Outages.OutageOptions>(config.GetSection(CareIoT.Grains.Outages.OutageOptions.Section));
        builder.UseOrleans(silo =>
        {
            silo.Configure<ClusterOptions>(options =>
            {
                options.ClusterId = config["Orleans:ClusterId"] ?? "careiot-dev";
                options.ServiceId = config["Orleans:ServiceId"] ?? "careiot";
            });
            // A call into a silo that hung (SIGSTOP, a long GC, a stalled VM) fails after 5 s instead of
            // Orleans' default 30 s, and the ingest retries it: the chaos run saw presses wait 33 s for
            // requests a resumed silo never answered. Nothing in CareIoT waits on a grain longer by design.
            silo.Configure<SiloMessagingOptions>(options =>
            {
                options.ResponseTimeout = TimeSpan.FromSeconds(5);
                options.SystemResponseTimeout = TimeSpan.FromSeconds(5);
            });
            // A stable name (host and silo port, unless configured): a silo restarted under the same name is the
            // same node back, which is how the self-watch tells "gone" from "restarted".
            silo.Configure<SiloOptions>(options => options.SiloName = config["Orleans:SiloName"] ?? $"{Environment.MachineName}-{siloPort}");
            silo.ConfigureEndpoints(IPAddress.Loopback, siloPort, gatewayPort, listenOnAnyHostAddress: false);
            silo.UseRedisClustering(options => options.ConfigurationOptions = ConfigurationOptions.Parse(redis));
            silo.AddRedisGrainStorage(StorageNames.Sites, options => options.ConfigurationOptions = ConfigurationOptions.Parse(redis));
            silo.UseRedisReminderService(options => options.ConfigurationOptions = ConfigurationOptions.Parse(redis));
            silo.AddPlacementDirector<CareIoT.Server.Dispatch.SiloLocalPlacement, CareIoT.Server.Dispatch.SiloLocalPlacementDirector>();
        });
    }
}
