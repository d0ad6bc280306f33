using System.Text.Json.Serialization;
using CareIoT.Contracts;
using CareIoT.Server.Dispatch;

namespace CareIoT.Server.Extensions;

public static class DispatchExtensions
{
    /// <summary>SignalR for the dispatch console; grains push through <see cref="IAlertNotifier"/>.</summary>
    public static void AddCareIotDispatch(this WebApplicationBuilder builder)
    {
        builder.Services.AddSignalR()
            .AddJsonProtocol(options => options.PayloadSerializerOptions.Converters.Add(new JsonStringEnumConverter()));
        builder.Services.ConfigureHttpJsonOptions(options => options.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));
        // Consoles first; the wall hears of critical alerts through the same port, after them.
        builder.Services.AddSingleton<SignalRAlertNotifier>();
        builder.Services.AddSingleton<IAlertNotifier, CareIoT.Server.Wall.WallAlarmForwarder>();
        builder.Services.AddHostedService<OpenAlertRecovery>();
    }
}
