using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CareIoT.Telemetry;

/// <summary>
/// Creates the telemetry database; raw points stay in its default policy <c>autogen</c>, limited to
/// <c>Influx:RawRetentionDays</c> (default 400, so a year of monthly uptime reports stays exact from
/// raw transitions); <c>two_years</c> keeps one-minute means of vitals through a continuous query.
/// Raw writes use the default policy, so a point written before this setup ran is not stranded in
/// another one. Retries every 30 s while InfluxDB is down; the writer spools meanwhile.
/// </summary>
public sealed class InfluxSchemaSetup(
    InfluxQueryClient influx, IOptions<InfluxOptions> options, IConfiguration config, ILogger<InfluxSchemaSetup> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var db = options.Value.Database;
        var raw = TimeSpan.FromDays(config.GetValue("Influx:RawRetentionDays", 400));
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await influx.CreateDatabaseAsync(db, stoppingToken);
                await influx.QueryAsync($"ALTER RETENTION POLICY \"autogen\" ON {InfluxQl.Identifier(db)} DURATION {InfluxQl.Duration(raw)} DEFAULT", stoppingToken);
                await influx.CreateRetentionPolicyAsync("two_years", TimeSpan.FromDays(730), makeDefault: false, stoppingToken);
                await influx.CreateContinuousQueryAsync(
                    "vitals_1m",
                    $"SELECT mean(\"heart_rate\") AS \"heart_rate\", mean(\"respiration\") AS \"respiration\" INTO {InfluxQl.Identifier(db)}.\"two_years\".\"vitals_1m\" FROM {InfluxQl.Identifier(db)}.\"autogen\".\"vitals\" GROUP BY time(1m), *",
                    cancellationToken: stoppingToken);
                logger.LogInformation("Telemetry database {Database} ready: raw for {Raw}, two_years with 1-minute vitals means", db, raw);
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
