using CareIoT.Ingestion;

namespace CareIoT.Server.Extensions;

public static class IngestionExtensions
{
    /// <summary>MQTT ingestion. Registered after the silo, so it starts only once grains can be called.</summary>
    public static void AddCareIotIngestion(this WebApplicationBuilder builder)
    {
        builder.Services.Configure<MqttIngestOptions>(builder.Configuration.GetSection(MqttIngestOptions.Section));
        builder.Services.AddSingleton<IngestStats>();
        builder.Services.AddSingleton<IngestPipeline>();
        builder.Services.AddSingleton<MqttIngestWorker>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<MqttIngestWorker>());
    }
}
