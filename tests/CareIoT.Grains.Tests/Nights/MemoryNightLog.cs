using CareIoT.Contracts;

namespace CareIoT.Grains.Tests.Nights;

/// <summary>The night log in memory, keyed by bed and night like the real table.</summary>
public sealed class MemoryNightLog : INightLog
{
    private readonly Dictionary<(string Bed, DateOnly Night), (NightSummary Summary, NightProfile Profile)> _nights = [];

    public Task SaveAsync(NightSummary summary, NightProfile profile, CancellationToken cancellationToken)
    {
        lock (_nights)
        {
            _nights[(summary.BedId, summary.Night)] = (summary, profile);
        }

        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<NightProfile>> ProfilesAsync(string bedId, DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        lock (_nights)
        {
            return Task.FromResult<IReadOnlyList<NightProfile>>([.. _nights.Where(n => n.Key.Bed == bedId && n.Key.Night >= from && n.Key.Night <= to)
                .OrderBy(n => n.Key.Night).Select(n => n.Value.Profile)]);
        }
    }

    public Task<IReadOnlyList<NightSummary>> SummariesAsync(string bedId, DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        lock (_nights)
        {
            return Task.FromResult<IReadOnlyList<NightSummary>>([.. _nights.Where(n => n.Key.Bed == bedId && n.Key.Night >= from && n.Key.Night <= to)
                .OrderByDescending(n => n.Key.Night).Select(n => n.Value.Summary)]);
        }
    }
}
