using System.Text.Json.Serialization;
using CareIoT.Contracts;
using CareIoT.Server.Dispatch;
using Microsoft.AspNetCore.SignalR;

namespace CareIoT.Server.Extensions;

public static class DispatchExtensions
{
    /// <summary>
    /// SignalR for the dispatch console and the wall. Alerts reach the consoles of every silo through
    /// the cluster (<see cref="ClusterAlertNotifier"/>, one <see cref="IConsoleRelayGrain"/> per silo),
    /// never through Redis: the SignalR Redis backplane dropped pushes while Redis restarted, and an
    /// alarm must not wait for any one store. The wall's rotation view still uses the backplane.
    /// </summary>
    public static void AddCareIotDispatch(this WebApplicationBuilder builder)
    {
        // Pushes go through Redis, so a console connected to any silo of a cluster sees every alert.
        // The backplane is used whenever Redis is configured (one silo included): one code path.
        var signalR = builder.Services.AddSignalR(options =>
        {
            options.AddFilter<CareIoT.Server.Auth.HubSessions>();
            options.AddFilter<CareIoT.Server.Metrics.HubConnectionMetrics>();
        })
            .AddJsonProtocol(options => options.PayloadSerializerOptions.Converters.Add(new JsonStringEnumConverter()));
        if (builder.Configuration.GetConnectionString("Redis") is { Length: > 0 } redis)
        {
            signalR.AddStackExchangeRedis(redis, options =>
                options.Configuration.ChannelPrefix = StackExchange.Redis.RedisChannel.Literal($"careiot-{builder.Configuration["Orleans:ClusterId"] ?? "careiot-dev"}"));
        }
        // The dispatch hub is local to each silo; the cluster carries its pushes between silos.
        builder.Services.AddSingleton<HubLifetimeManager<DispatchHub>, DefaultHubLifetimeManager<DispatchHub>>();
        builder.Services.AddSingleton<ConsolePushSequencer>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<ConsolePushSequencer>());
        builder.Services.AddSingleton<ClusterAlertNotifier>();
        // Enums by name only: a number (even one no member has, {"kind":999}) is refused with 400.
        builder.Services.ConfigureHttpJsonOptions(options => options.SerializerOptions.Converters.Add(new JsonStringEnumConverter(allowIntegerValues: false)));
        // The grains' one way out to SignalR: consoles only (the wall hears from the grains, grain to grain: AlertFanOut).
        builder.Services.AddSingleton<IAlertNotifier>(sp => sp.GetRequiredService<ClusterAlertNotifier>());
        builder.Services.AddHostedService<OpenAlertRecovery>();
    }
}
