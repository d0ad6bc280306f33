using CareIoT.Ingestion;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CareIoT.Server.Health;

public sealed class MqttHealthCheck(IEnumerable<MqttIngestWorker> workers) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var down = workers.Where(w => !w.IsConnected).Select(w => w.Lane.Name).ToList();
        return Task.FromResult(down.Count == 0
            ? HealthCheckResult.Healthy()
            : HealthCheckResult.Unhealthy($"Ingest lanes not connected to the MQTT broker: {string.Join(", ", down)}"));
    }
}
