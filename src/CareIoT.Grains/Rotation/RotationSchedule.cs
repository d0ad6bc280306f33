using CareIoT.Contracts.Rotation;

namespace CareIoT.Grains.Rotation;

/// <summary>
/// The wall's rotation as plain logic over times it is given (the grain passes its clock), so a
/// 24-hour run takes milliseconds in a test. Sites are cut into fixed pages; each page stays one
/// dwell; alarming sites lead every page until acknowledged, pinned sites follow them. Coverage is
/// cut into segments during which the screen and its watchers do not change.
/// </summary>
public sealed class RotationSchedule(RotationSettings settings, DateTimeOffset now)
{
    private readonly List<string> _sites = [];
    private readonly List<string> _pinned = [];
    private readonly Dictionary<string, HashSet<Guid>> _alarms = [];
    private readonly List<string> _alarmOrder = [];
    private readonly CoverageTracker _coverage = new(now);
    private RotationSettings _settings = settings;
    private List<List<string>> _pages = [[]];
    private int _page;
    private bool _paused;
    private DateTimeOffset _shownSince = now;
    private long _sequence;

    public RotationSettings Settings => _settings;

    public IReadOnlyList<string> Pinned => _pinned;

    public CoverageTracker Coverage => _coverage;

    public WallView View => new(
        _sequence, _page, _pages.Count, OnScreen(), [.. _alarmOrder], [.. _pinned], _paused, _shownSince,
        _paused ? null : _shownSince + _settings.Dwell, _coverage.Watching);

    public void SetSites(IEnumerable<string> siteKeys, DateTimeOffset now)
    {
        var keys = siteKeys.Distinct(StringComparer.Ordinal).ToList();
        if (keys.SequenceEqual(_sites))
        {
            return;
        }

        _sites.Clear();
        _sites.AddRange(keys);
        _coverage.Track(keys, now);
        Repaginate(now);
    }

    public void Configure(RotationSettings settings, DateTimeOffset now)
    {
        _settings = settings;
        Repaginate(now);
    }

    public void RestorePins(IEnumerable<string> pinned) => _pinned.AddRange(pinned.Except(_pinned));

    public void ViewerJoined(string connectionId, string operatorName, DateTimeOffset now) =>
        _coverage.Join(connectionId, operatorName, OnScreen(), now);

    public void ViewerLeft(string connectionId, DateTimeOffset now) => _coverage.Leave(connectionId, OnScreen(), now);

    public void Pause(DateTimeOffset now) => Change(now, () => _paused = true);

    public void Resume(DateTimeOffset now) => Change(now, () => { _paused = false; _shownSince = now; });

    public void Skip(DateTimeOffset now) => Change(now, () => Advance(now));

    public void Pin(string siteKey, DateTimeOffset now)
    {
        if (_sites.Contains(siteKey) && !_pinned.Contains(siteKey))
        {
            Change(now, () => _pinned.Add(siteKey));
        }
    }

    public void Unpin(string siteKey, DateTimeOffset now)
    {
        if (_pinned.Contains(siteKey))
        {
            Change(now, () => _pinned.Remove(siteKey));
        }
    }

    /// <summary>The site jumps to the front at once and the page restarts its dwell, so it is seen in full.</summary>
    public void Alarmed(string siteKey, Guid alertId, DateTimeOffset now)
    {
        if (!_alarms.TryGetValue(siteKey, out var open))
        {
            _alarms[siteKey] = open = [];
        }

        if (open.Add(alertId) && open.Count == 1)
        {
            Change(now, () => { _alarmOrder.Insert(0, siteKey); _shownSince = now; });
        }
    }

    public void Acknowledged(string siteKey, Guid alertId, DateTimeOffset now)
    {
        if (_alarms.TryGetValue(siteKey, out var open) && open.Remove(alertId) && open.Count == 0)
        {
            _alarms.Remove(siteKey);
            Change(now, () => _alarmOrder.Remove(siteKey));
        }
    }

    /// <summary>Moves on when the dwell is over; notices sites unseen for longer than the gap.</summary>
    public void Tick(DateTimeOffset now)
    {
        if (!_paused && now >= _shownSince + _settings.Dwell)
        {
            Change(now, () => Advance(now));
        }

        _coverage.CheckGaps(OnScreen(), _settings.MaxGap, now);
    }

    private void Advance(DateTimeOffset now)
    {
        _page = (_page + 1) % _pages.Count;
        _shownSince = now;
    }

    private void Repaginate(DateTimeOffset now) => Change(now, () =>
    {
        var first = (_settings.Order ?? []).Where(_sites.Contains).Distinct(StringComparer.Ordinal).ToList();
        var ordered = first.Concat(_sites.Except(first).Order(StringComparer.Ordinal)).ToList();
        _pages = ordered.Count == 0 ? [[]] : [.. ordered.Chunk(_settings.SitesPerPage).Select(p => p.ToList())];
        _page = Math.Min(_page, _pages.Count - 1);
        _pinned.RemoveAll(p => !_sites.Contains(p));
    });

    /// <summary>Closes the coverage segment of what was on screen, applies the change, counts a new view.</summary>
    private void Change(DateTimeOffset now, Action change)
    {
        var before = OnScreen();
        change();
        var after = OnScreen();
        if (!before.SequenceEqual(after))
        {
            _coverage.ScreenChanged(before, now);
        }

        _sequence++;
    }

    private IReadOnlyList<string> OnScreen() =>
        [.. _alarmOrder.Concat(_pinned).Concat(_pages[_page]).Distinct(StringComparer.Ordinal)];
}
