using System.Text.Json.Serialization;
using CareIoT.Contracts;
using CareIoT.Server.Dispatch;

namespace CareIoT.Server.Extensions;

public static class DispatchExtensions
{
    /// <summary>
    /// SignalR for the dispatch console and the wall, with the Redis backplane; grains push through
    /// <see cref="IAlertNotifier"/>. The backplane rather than a grain-observer fan-out: it is the
    /// served, maintained package for exactly this, survives a silo's loss without re-subscribing
    /// observers, and keeps grains unaware of how many web nodes there are.
    /// </summary>
    public static void AddCareIotDispatch(this WebApplicationBuilder builder)
    {
        // Pushes go through Redis, so a console connected to any silo of a cluster sees every alert.
        // The backplane is used whenever Redis is configured (one silo included): one code path.
        var signalR = builder.Services.AddSignalR()
            .AddJsonProtocol(options => options.PayloadSerializerOptions.Converters.Add(new JsonStringEnumConverter()));
        if (builder.Configuration.GetConnectionString("Redis") is { Length: > 0 } redis)
        {
            signalR.AddStackExchangeRedis(redis, options =>
                options.Configuration.ChannelPrefix = StackExchange.Redis.RedisChannel.Literal($"careiot-{builder.Configuration["Orleans:ClusterId"] ?? "careiot-dev"}"));
        }
        builder.Services.ConfigureHttpJsonOptions(options => options.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));
        // Consoles first; the wall hears of critical alerts through the same port, after them.
        builder.Services.AddSingleton<SignalRAlertNotifier>();
        builder.Services.AddSingleton<IAlertNotifier, CareIoT.Server.Wall.WallAlarmForwarder>();
        builder.Services.AddHostedService<OpenAlertRecovery>();
    }
}
