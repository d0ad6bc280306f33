using CareIoT.Baselines;
using CareIoT.Contracts;

namespace CareIoT.Grains.Monitoring;

/// <summary>
/// The mattress rules of one bed. Each rule reports once per episode and again only after the
/// condition cleared: back in bed, the value back in range, movement seen, the pauses gone.
/// Only readings taken while someone is in bed count for vitals; a gap in readings longer than
/// twice the hold time restarts the hold. Inside the night window the resident's personal limits apply
/// (their usual ± k spreads, never wider than the absolute ones) once a baseline exists; outside it, and
/// while the baseline warms up, the absolute limits alone — a baseline is learned from nights at rest.
/// </summary>
public sealed class BedMonitor(BedThresholds thresholds)
{
    private readonly RangeWatch _heartRate = new();
    private readonly RangeWatch _respiration = new();
    private readonly Queue<DateTimeOffset> _apneas = new();
    private BedThresholds _t = thresholds;
    private NightWindow _night = Night(thresholds);
    private NightClock _clock = NightClock.Of(thresholds);
    private ResidentBaseline? _baseline;
    private bool? _present;
    private DateTimeOffset? _outSince;
    private bool _outReported;
    private bool _lostReported;
    private DateTimeOffset? _lastVitals;
    private DateTimeOffset? _pauseStart;
    private bool _pauseCounted;
    private bool _apneaReported;
    private DateTimeOffset? _lastMovement;
    private bool _turnReported;

    public void UpdateThresholds(BedThresholds thresholds)
    {
        _t = thresholds;
        _night = Night(thresholds);
        _clock = NightClock.Of(thresholds);
    }

    public void UpdateBaseline(ResidentBaseline? baseline) => _baseline = baseline;

    /// <summary>The limits in force at this moment (personal inside the night window once learned).</summary>
    public VitalLimits LimitsAt(DateTimeOffset at) =>
        _clock.Place(at) is { } place ? PersonalLimits.For(_baseline, _t, place.Hour) : PersonalLimits.For(null, _t, null);

    public List<AlertFinding> OnPresence(DateTimeOffset at, bool present)
    {
        SetPresence(at, present);
        return Tick(at);
    }

    public List<AlertFinding> OnVitals(DateTimeOffset at, bool present, int? heartRate, int? respirationRate, int? movement)
    {
        SetPresence(at, present);
        var findings = new List<AlertFinding>();
        if (_lastVitals is { } last && at - last > _t.VitalsHold * 2)
        {
            _heartRate.Reset();
            _respiration.Reset();
        }

        _lastVitals = at;
        if (present)
        {
            var limits = LimitsAt(at);
            var against = limits.Personal ? "usual" : "limits";
            if (heartRate is { } hr && _heartRate.Observe(at, hr, limits.HeartRateLow, limits.HeartRateHigh, _t.VitalsHold))
            {
                findings.Add(new(AlertCause.VitalsOutOfRange, AlertPriority.High,
                    $"heart rate {hr}/min, {against} {limits.HeartRateLow}–{limits.HeartRateHigh}, for {_t.VitalsHold}", at, _heartRate.OutsideSince!.Value));
            }

            if (respirationRate is { } rr && _respiration.Observe(at, rr, limits.RespirationLow, limits.RespirationHigh, _t.VitalsHold))
            {
                findings.Add(new(AlertCause.VitalsOutOfRange, AlertPriority.High,
                    $"respiration {rr}/min, {against} {limits.RespirationLow}–{limits.RespirationHigh}, for {_t.VitalsHold}", at, _respiration.OutsideSince!.Value));
            }

            if (Apnea(at, respirationRate) is { } apnea)
            {
                findings.Add(apnea);
            }

            if (movement >= _t.MovementThreshold || _lastMovement is null)
            {
                _lastMovement = at;
                _turnReported = false;
            }
        }

        findings.AddRange(Tick(at));
        return findings;
    }

    public List<AlertFinding> Tick(DateTimeOffset now)
    {
        var findings = new List<AlertFinding>();
        if (_present == false && _outSince is { } since)
        {
            if (!_outReported && _night.Overlap(since, now) > _t.OutOfBedLimit)
            {
                _outReported = true;
                findings.Add(new(AlertCause.OutOfBedTooLong, AlertPriority.High,
                    $"out of bed since {since:O}, longer than {_t.OutOfBedLimit} in the night window", now, since));
            }

            if (_t.Bedridden && !_lostReported && now - since > _t.PresenceLostGrace)
            {
                _lostReported = true;
                findings.Add(new(AlertCause.PresenceLostBedridden, AlertPriority.High,
                    $"bedridden resident not in bed since {since:O}", now, since));
            }
        }

        if (_t.Bedridden && _present == true && _lastMovement is { } moved && !_turnReported && now - moved >= _t.TurnInterval)
        {
            _turnReported = true;
            findings.Add(new(AlertCause.TurningDue, AlertPriority.Normal, $"no movement since {moved:O}: turning due", now, moved));
        }

        return findings;
    }

    private void SetPresence(DateTimeOffset at, bool present)
    {
        if (present == _present)
        {
            return;
        }

        _present = present;
        if (present)
        {
            _outSince = null;
            _lastMovement = at;
            _turnReported = false;
        }
        else
        {
            _outSince = at;
            _outReported = _lostReported = false;
            _pauseStart = null;
        }
    }

    private AlertFinding? Apnea(DateTimeOffset at, int? respirationRate)
    {
        if (respirationRate is 0)
        {
            _pauseStart ??= at;
            if (!_pauseCounted && at - _pauseStart.Value >= _t.ApneaPause)
            {
                _pauseCounted = true;
                _apneas.Enqueue(_pauseStart.Value);
            }
        }
        else if (respirationRate is not null)
        {
            _pauseStart = null;
            _pauseCounted = false;
        }

        while (_apneas.Count > 0 && at - _apneas.Peek() > _t.ApneaWindow)
        {
            _apneas.Dequeue();
        }

        if (_apneas.Count < _t.ApneaEpisodes)
        {
            _apneaReported = false;
            return null;
        }

        if (_apneaReported)
        {
            return null;
        }

        _apneaReported = true;
        return new(AlertCause.ApneaPattern, AlertPriority.Critical,
            $"{_apneas.Count} breathing pauses of at least {_t.ApneaPause} within {_t.ApneaWindow}", at, _apneas.Peek());
    }

    private static NightWindow Night(BedThresholds t) =>
        new(t.NightStart, t.NightEnd, TimeZoneInfo.FindSystemTimeZoneById(t.TimeZone));
}
