using CareIoT.Contracts;
using CareIoT.Telemetry;

namespace CareIoT.Server.Extensions;

public static class TelemetryExtensions
{
    /// <summary>Telemetry to InfluxDB (section <c>Influx</c>): writer with spool, query client, schema setup; and the uptime reports built on it.</summary>
    public static void AddCareIotTelemetry(this WebApplicationBuilder builder)
    {
        builder.Services.Configure<InfluxOptions>(builder.Configuration.GetSection(InfluxOptions.Section));
        builder.Services.AddSingleton(_ => new HttpClient { Timeout = Timeout.InfiniteTimeSpan });
        builder.Services.AddSingleton<InfluxLineWriter>();
        builder.Services.AddSingleton<InfluxQueryClient>();
        builder.Services.AddSingleton<ITelemetryRecorder, InfluxTelemetryRecorder>();
        builder.Services.AddSingleton<VitalsHistory>();
        builder.Services.AddSingleton<CareIoT.Baselines.IBedMinuteSeries, InfluxBedMinutes>();
        builder.Services.AddHostedService<InfluxSchemaSetup>();
        builder.Services.AddSingleton<CareIoT.Postgres.PostgresReportQueries>();
        builder.Services.AddSingleton<CareIoT.Reports.IDeviceFactsSource, InfluxDeviceHistory>();
        builder.Services.AddSingleton<Reports.UptimeReportBuilder>();
    }
}
