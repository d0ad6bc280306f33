using CareIoT.Ingestion;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CareIoT.Server.Health;

public sealed class MqttHealthCheck(MqttIngestWorker worker) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(worker.IsConnected
            ? HealthCheckResult.Healthy()
            : HealthCheckResult.Unhealthy("Not connected to the MQTT broker"));
}
