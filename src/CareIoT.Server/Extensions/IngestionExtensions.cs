using CareIoT.Ingestion;
using CareIoT.Ingestion.Zigbee2Mqtt;

namespace CareIoT.Server.Extensions;

public static class IngestionExtensions
{
    /// <summary>MQTT ingestion. Registered after the silo, so it starts only once grains can be called.</summary>
    public static void AddCareIotIngestion(this WebApplicationBuilder builder)
    {
        builder.Services.Configure<MqttIngestOptions>(builder.Configuration.GetSection(MqttIngestOptions.Section));
        builder.Services.AddSingleton<IngestStats>();
        builder.Services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<MqttIngestOptions>>().Value;
            var models = Zigbee2MqttModelCatalog.Load(Path.Combine(AppContext.BaseDirectory, options.Zigbee2MqttModels));
            return new DeviceMessageRouter(
                new DeviceMessageDecoder(options.MaxPayloadBytes), new Zigbee2MqttDecoder(models, maxPayloadBytes: options.MaxPayloadBytes),
                options.MaxPayloadBytes);
        });
        builder.Services.AddSingleton<IngestPipeline>();
        builder.Services.AddSingleton<MqttIngestWorker>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<MqttIngestWorker>());
    }
}
