using System.Collections.Concurrent;

namespace CareIoT.CarrierPush.Tests;

/// <summary>An inbox in memory for the unit tests (the PostgreSQL one is tested by the integration tests); can be made to fail.</summary>
internal sealed class MemoryInbox : ICarrierInbox
{
    private readonly ConcurrentDictionary<long, CarrierInboxEntry> _rows = new();
    private long _next;

    public bool Down { get; set; }

    public IReadOnlyCollection<CarrierInboxEntry> Rows => [.. _rows.Values.OrderBy(r => r.Id)];

    public Task<long> AddAsync(CarrierPlatform platform, string origin, DateTimeOffset receivedAt, ReadOnlyMemory<byte> body, CancellationToken cancellationToken)
    {
        if (Down)
        {
            throw new InvalidOperationException("the inbox store is down");
        }

        var id = Interlocked.Increment(ref _next);
        _rows[id] = new CarrierInboxEntry(id, platform, origin, receivedAt, body.ToArray());
        return Task.FromResult(id);
    }

    public Task RemoveAsync(long id, CancellationToken cancellationToken)
    {
        _rows.TryRemove(id, out _);
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<CarrierInboxEntry>> ReceivedBeforeAsync(DateTimeOffset before, int limit, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<CarrierInboxEntry>>([.. _rows.Values.Where(r => r.ReceivedAt < before).OrderBy(r => r.Id).Take(limit)]);
}
