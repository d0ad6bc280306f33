using CareIoT.Telemetry;
using Microsoft.Extensions.Options;

namespace CareIoT.Server.Telemetry;

/// <summary>
/// Creates the telemetry database, its retention policies (raw 30 days, default; <c>two_years</c>)
/// and the continuous query that keeps one-minute means of vitals for two years. Retries every
/// 30 s while InfluxDB is down; the writer spools meanwhile.
/// </summary>
public sealed class InfluxSchemaSetup(InfluxQueryClient influx, IOptions<InfluxOptions> options, ILogger<InfluxSchemaSetup> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var db = options.Value.Database;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await influx.CreateDatabaseAsync(db, stoppingToken);
                await influx.CreateRetentionPolicyAsync("raw", TimeSpan.FromDays(30), makeDefault: true, stoppingToken);
                await influx.CreateRetentionPolicyAsync("two_years", TimeSpan.FromDays(730), makeDefault: false, stoppingToken);
                await influx.CreateContinuousQueryAsync(
                    "vitals_1m",
                    $"SELECT mean(\"heart_rate\") AS \"heart_rate\", mean(\"respiration\") AS \"respiration\" INTO {InfluxQl.Identifier(db)}.\"two_years\".\"vitals_1m\" FROM {InfluxQl.Identifier(db)}.\"raw\".\"vitals\" GROUP BY time(1m), *",
                    cancellationToken: stoppingToken);
                logger.LogInformation("Telemetry database {Database} ready: raw 30 d, two_years with 1-minute vitals means", db);
                return;
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(ex, "InfluxDB not ready for schema setup; trying again in 30 s (points are spooled meanwhile)");
                await Task.Delay(TimeSpan.FromSeconds(30), stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }
}
