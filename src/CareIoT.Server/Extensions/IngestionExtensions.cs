using CareIoT.Ingestion;
using CareIoT.Ingestion.Zigbee2Mqtt;

namespace CareIoT.Server.Extensions;

public static class IngestionExtensions
{
    /// <summary>MQTT ingestion. Registered after the silo, so it starts only once grains can be called.</summary>
    public static void AddCareIotIngestion(this WebApplicationBuilder builder)
    {
        builder.Services.Configure<MqttIngestOptions>(builder.Configuration.GetSection(MqttIngestOptions.Section));
        // One cluster's silos split the telemetry between them (a shared subscription per cluster).
        var cluster = builder.Configuration["Orleans:ClusterId"] ?? "careiot-dev";
        builder.Services.PostConfigure<MqttIngestOptions>(o => o.SharedGroup ??= $"careiot-{cluster}");
        builder.Services.AddSingleton<IngestStats>();
        builder.Services.AddSingleton<AlarmPrecedence>(_ => new AlarmPrecedence());
        builder.Services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<MqttIngestOptions>>().Value;
            var models = Zigbee2MqttModelCatalog.Load(Path.Combine(AppContext.BaseDirectory, options.Zigbee2MqttModels));
            return new DeviceMessageRouter(
                new DeviceMessageDecoder(options.MaxPayloadBytes), new Zigbee2MqttDecoder(models, maxPayloadBytes: options.MaxPayloadBytes),
                options.MaxPayloadBytes);
        });
        // One connection, session and pipeline per lane, so alarms never queue behind telemetry.
        builder.Services.AddTransient<IngestPipeline>();
        foreach (var lane in IngestLane.All)
        {
            builder.Services.AddSingleton(sp => ActivatorUtilities.CreateInstance<MqttIngestWorker>(sp, lane));
        }

        for (var i = 0; i < IngestLane.All.Count; i++)
        {
            var index = i;
            builder.Services.AddSingleton<IHostedService>(sp => sp.GetServices<MqttIngestWorker>().ElementAt(index));
        }
    }
}
