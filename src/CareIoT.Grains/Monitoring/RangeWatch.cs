namespace CareIoT.Grains.Monitoring;

/// <summary>Whether one vital sign has stayed outside its limits for the hold time; reports once per excursion.</summary>
internal sealed class RangeWatch
{
    private DateTimeOffset? _outsideSince;
    private bool _reported;

    /// <summary>True exactly once per excursion: when the value has been outside for at least <paramref name="hold"/>.</summary>
    public bool Observe(DateTimeOffset at, int value, int low, int high, TimeSpan hold)
    {
        if (value >= low && value <= high)
        {
            Reset();
            return false;
        }

        _outsideSince ??= at;
        if (_reported || at - _outsideSince.Value < hold)
        {
            return false;
        }

        _reported = true;
        return true;
    }

    public DateTimeOffset? OutsideSince => _outsideSince;

    public void Reset()
    {
        _outsideSince = null;
        _reported = false;
    }
}
