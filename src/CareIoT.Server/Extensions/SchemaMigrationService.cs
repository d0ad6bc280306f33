using CareIoT.Postgres;

namespace CareIoT.Server.Extensions;

/// <summary>Migrates the schema at start-up, waiting for PostgreSQL to come up for a bounded time.</summary>
public sealed class SchemaMigrationService(SchemaMigrator migrator, TimeProvider time, ILogger<SchemaMigrationService> logger)
    : IHostedService
{
    private static readonly TimeSpan GiveUpAfter = TimeSpan.FromSeconds(60);

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var started = time.GetUtcNow();
        while (true)
        {
            try
            {
                await migrator.MigrateAsync(cancellationToken);
                return;
            }
            catch (Exception ex) when (PostgresAvailability.IsUnavailableError(ex) && time.GetUtcNow() - started < GiveUpAfter)
            {
                logger.LogWarning("PostgreSQL not ready for migration ({Error}); retrying", ex.Message);
                await Task.Delay(TimeSpan.FromSeconds(1), time, cancellationToken);
            }
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
