using CareIoT.Contracts.Rotation;

namespace CareIoT.Grains.Rotation;

/// <summary>
/// Turns "what was on screen, who watched" into coverage entries, and notices sites that were not
/// on a watched screen for too long. A segment ends when the screen changes or its watchers do;
/// time with nobody watching is not coverage.
/// </summary>
public sealed class CoverageTracker(DateTimeOffset now)
{
    private readonly Dictionary<string, string> _viewers = [];
    private readonly HashSet<string> _segmentOperators = [];
    private readonly Dictionary<string, DateTimeOffset> _lastShown = [];
    private readonly Dictionary<string, DateTimeOffset> _trackedSince = [];
    private readonly HashSet<string> _noticed = [];
    private readonly List<CoverageEntry> _finished = [];
    private readonly List<RotationNotice> _notices = [];
    private DateTimeOffset _segmentStart = now;

    public IReadOnlyList<string> Watching => [.. _viewers.Values.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];

    /// <summary>Sites start their gap clock when they are first tracked (or from the stored last showing).</summary>
    public void Track(IReadOnlyCollection<string> siteKeys, DateTimeOffset now)
    {
        foreach (var gone in _trackedSince.Keys.Except(siteKeys).ToList())
        {
            _trackedSince.Remove(gone);
            _noticed.Remove(gone);
        }

        foreach (var key in siteKeys)
        {
            _trackedSince.TryAdd(key, now);
        }
    }

    public void Restore(IReadOnlyDictionary<string, DateTimeOffset> lastShown)
    {
        foreach (var (key, at) in lastShown)
        {
            _lastShown[key] = at;
        }
    }

    public void Join(string connectionId, string operatorName, IReadOnlyList<string> onScreen, DateTimeOffset now)
    {
        if (_viewers.Count == 0)
        {
            // Nobody watched until now: what was on screen so far is not coverage.
            _segmentStart = now;
            _segmentOperators.Clear();
        }

        _viewers[connectionId] = operatorName;
        _segmentOperators.Add(operatorName);
    }

    public void Leave(string connectionId, IReadOnlyList<string> onScreen, DateTimeOffset now)
    {
        if (_viewers.Remove(connectionId) && _viewers.Count == 0)
        {
            ScreenChanged(onScreen, now);
        }
    }

    /// <summary>Ends the segment of the sites that were on screen until now and starts the next.</summary>
    public void ScreenChanged(IReadOnlyList<string> wasOnScreen, DateTimeOffset now)
    {
        if (_segmentOperators.Count > 0 && now > _segmentStart)
        {
            var operators = _segmentOperators.Order(StringComparer.Ordinal).ToList();
            foreach (var key in wasOnScreen)
            {
                _finished.Add(new CoverageEntry(key, _segmentStart, now, operators));
                _lastShown[key] = now;
                _noticed.Remove(key);
            }
        }

        _segmentStart = now;
        _segmentOperators.Clear();
        _segmentOperators.UnionWith(_viewers.Values);
    }

    public void CheckGaps(IReadOnlyList<string> onScreen, TimeSpan maxGap, DateTimeOffset now)
    {
        var watched = _viewers.Count > 0 ? onScreen.ToHashSet(StringComparer.Ordinal) : [];
        foreach (var (key, since) in _trackedSince)
        {
            if (watched.Contains(key))
            {
                _noticed.Remove(key);
                continue;
            }

            DateTimeOffset? last = _lastShown.TryGetValue(key, out var shown) ? shown : null;
            if (now - (last ?? since) > maxGap && _noticed.Add(key))
            {
                _notices.Add(new RotationNotice(key, now, last));
            }
        }
    }

    /// <summary>Entries finished since the last call, oldest first.</summary>
    public IReadOnlyList<CoverageEntry> TakeFinished() => Take(_finished);

    public IReadOnlyList<RotationNotice> TakeNotices() => Take(_notices);

    private static IReadOnlyList<T> Take<T>(List<T> items)
    {
        var taken = items.ToList();
        items.Clear();
        return taken;
    }
}
