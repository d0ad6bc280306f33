using System.Collections.Concurrent;
using CareIoT.Contracts.Rotation;

namespace CareIoT.Grains.Tests.Rotation;

/// <summary>The coverage log as a list; it can be told to fail, as PostgreSQL can be down.</summary>
public sealed class InMemoryCoverageLog : ICoverageLog
{
    public ConcurrentQueue<CoverageEntry> Entries { get; } = new();

    public ConcurrentQueue<RotationNotice> Notices { get; } = new();

    public bool Down { get; set; }

    public Task RecordAsync(IReadOnlyList<CoverageEntry> entries, CancellationToken cancellationToken)
    {
        if (Down)
        {
            throw new InvalidOperationException("coverage log is down");
        }

        foreach (var entry in entries)
        {
            Entries.Enqueue(entry);
        }

        return Task.CompletedTask;
    }

    public Task NoticeAsync(RotationNotice notice, CancellationToken cancellationToken)
    {
        Notices.Enqueue(notice);
        return Task.CompletedTask;
    }

    public Task<IReadOnlyDictionary<string, DateTimeOffset>> LastShownAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyDictionary<string, DateTimeOffset>>(new Dictionary<string, DateTimeOffset>());
}
