using CareIoT.Server.Health;

namespace CareIoT.Server.Extensions;

public static class HealthCheckExtensions
{
    /// <summary><c>/health</c> is healthy only when the journal and the broker connection both are.</summary>
    public static void AddCareIotHealthChecks(this WebApplicationBuilder builder) =>
        builder.Services.AddHealthChecks()
            .AddCheck<PostgresHealthCheck>("postgres")
            .AddCheck<MqttHealthCheck>("mqtt");
}
