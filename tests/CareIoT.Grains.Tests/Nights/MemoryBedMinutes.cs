using CareIoT.Baselines;

namespace CareIoT.Grains.Tests.Nights;

/// <summary>Beds' minute series held in memory: what a test puts in is what the bed grain reads.</summary>
public sealed class MemoryBedMinutes : IBedMinuteSeries
{
    private readonly Dictionary<string, List<MinuteSample>> _beds = [];

    public void Add(string bedId, IEnumerable<MinuteSample> samples)
    {
        lock (_beds)
        {
            var list = _beds.TryGetValue(bedId, out var found) ? found : _beds[bedId] = [];
            list.AddRange(samples);
            list.Sort((a, b) => a.At.CompareTo(b.At));
        }
    }

    public Task<MinuteSample[]> ReadAsync(string bedId, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        lock (_beds)
        {
            return Task.FromResult(_beds.TryGetValue(bedId, out var list) ? list.Where(s => s.At >= from && s.At < to).ToArray() : []);
        }
    }
}
