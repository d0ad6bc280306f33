using CareIoT.Server.Metrics;
using OpenTelemetry.Metrics;

namespace CareIoT.Server.Extensions;

public static class MetricsExtensions
{
    /// <summary>
    /// Metrics for Prometheus through OpenTelemetry: every <c>CareIoT.*</c> meter (ingest, DC-09, alerts, journal,
    /// telemetry writer, hubs), Orleans' own, ASP.NET Core's and the .NET runtime's.
    /// </summary>
    public static void AddCareIotMetrics(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<MetricsToken>();
        builder.Services.AddSingleton<InfluxWriterMetrics>();
        builder.Services.AddSingleton<OpenAlertGauge>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<OpenAlertGauge>());
        builder.Services.AddOpenTelemetry().WithMetrics(metrics => metrics
            .AddMeter("CareIoT.*", "Microsoft.Orleans", "Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Server.Kestrel", "Microsoft.AspNetCore.Http.Connections")
            .AddRuntimeInstrumentation()
            .AddPrometheusExporter());
    }

    /// <summary><c>GET /metrics</c> for Prometheus: behind the metrics bearer token, never a platform account.</summary>
    public static void MapCareIotMetrics(this WebApplication app)
    {
        app.Services.GetRequiredService<InfluxWriterMetrics>(); // its instruments exist from the start
        var token = app.Services.GetRequiredService<MetricsToken>();
        app.MapPrometheusScrapingEndpoint("/metrics", meterProvider: null, configureBranchedPipeline: branch => branch.Use(token.CheckAsync), optionsName: null)
            .AllowAnonymous();
    }
}
