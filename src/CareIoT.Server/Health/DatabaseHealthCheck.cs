using CareIoT.Stores;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CareIoT.Server.Health;

/// <summary>
/// The journal answers <c>SELECT 1</c> within <see cref="Patience"/>. A hung PostgreSQL (SIGSTOP, a stalled disk)
/// accepts the connection and never answers: the probe stops waiting by itself and that is unhealthy.
/// </summary>
public sealed class DatabaseHealthCheck(IDatabaseHealth postgres) : IHealthCheck
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(2);

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            return await postgres.AnswersWithinAsync(Patience, cancellationToken)
                ? HealthCheckResult.Healthy()
                : HealthCheckResult.Unhealthy($"PostgreSQL did not answer within {Patience.TotalSeconds:F0} s");
        }
        catch (Exception ex)
        {
            return HealthCheckResult.Unhealthy("PostgreSQL unreachable", ex);
        }
    }
}
