using CareIoT.Contracts;
using CareIoT.Ingestion;

namespace CareIoT.Server.Api;

public static class IngestEndpoints
{
    /// <summary>What ingestion refused and why: counters and the most recent dead letters.</summary>
    public static void MapIngestEndpoints(this IEndpointRouteBuilder app)
    {
        var ingest = app.MapGroup("/api/ingest").RequireAuthorization(Auth.Policies.Install);
        ingest.MapGet("/stats", (IngestStats stats) => stats.Snapshot());
        ingest.MapGet("/dead-letters", (IDeadLetterStore store, CancellationToken ct, int limit = 50) =>
            store.ListRecentAsync(limit, ct));
    }
}
