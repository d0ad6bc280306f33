using CareIoT.Server.Health;

namespace CareIoT.Server.Extensions;

public static class HealthCheckExtensions
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(3);

    /// <summary>
    /// <c>/health</c> is healthy only when the journal and the broker connection both are. A check that has no answer
    /// within 3 s (PostgreSQL hung, not gone) counts as unhealthy: the self-watch must not hang with it.
    /// </summary>
    public static void AddCareIotHealthChecks(this WebApplicationBuilder builder) =>
        builder.Services.AddHealthChecks()
            .AddCheck<DatabaseHealthCheck>("postgres", timeout: Timeout)
            .AddCheck<MqttHealthCheck>("mqtt", timeout: Timeout);
}
