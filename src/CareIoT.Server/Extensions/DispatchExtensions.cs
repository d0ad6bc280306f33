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
        builder.Services.AddSingleton<IAlertNotifier, SignalRAlertNotifier>();
        builder.Services.AddHostedService<OpenAlertRecovery>();
    }
}
