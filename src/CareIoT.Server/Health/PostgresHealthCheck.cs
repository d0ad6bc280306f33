using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;

namespace CareIoT.Server.Health;

/// <summary>
/// The journal answers <c>SELECT 1</c> within <see cref="Patience"/>. A hung PostgreSQL (SIGSTOP, a stalled disk)
/// accepts the connection and never answers, and a cancelled command may wait for the server too: the check stops
/// waiting by itself and calls that unhealthy.
/// </summary>
public sealed class PostgresHealthCheck(NpgsqlDataSource dataSource) : IHealthCheck
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(2);

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await Query(cancellationToken).WaitAsync(Patience, cancellationToken);
            return HealthCheckResult.Healthy();
        }
        catch (TimeoutException)
        {
            return HealthCheckResult.Unhealthy($"PostgreSQL did not answer within {Patience.TotalSeconds:F0} s");
        }
        catch (Exception ex)
        {
            return HealthCheckResult.Unhealthy("PostgreSQL unreachable", ex);
        }
    }

    private async Task Query(CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("SELECT 1");
        command.CommandTimeout = (int)Patience.TotalSeconds;
        await command.ExecuteScalarAsync(cancellationToken);
    }
}
