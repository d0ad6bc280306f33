using CareIoT.Baselines;
using CareIoT.Contracts;
using CareIoT.Grains.Monitoring;
using Microsoft.Extensions.Logging;

namespace CareIoT.Grains;

/// <summary>One care-facility bed: its mattress rules, the bedside call button, and the live vitals.</summary>
public sealed class BedGrain(
    [PersistentState(StorageNames.SiteStateName, StorageNames.Sites)] IPersistentState<SiteState> state,
    IAlertJournal journal,
    IAlertNotifier notifier,
    IInstallationLog installations,
    IBedMinuteSeries minutes,
    INightLog nights,
    Microsoft.Extensions.Options.IOptions<SupervisionOptions> supervision,
    TimeProvider time,
    ILogger<BedGrain> logger)
    : SiteGrain(state, journal, notifier, installations, supervision, time, logger), IBedGrain
{
    private BedVitals? _vitals;
    private BedMonitor? _monitor;

    // When (by the mattress's own clock) the presence we hold was measured. Its readings (telemetry
    // lane) and its bed exits (alarm lane) travel in separate MQTT sessions, so an older reading can
    // be handled after a newer exit: presence follows the message the mattress sent last, never the
    // one handled last. (Receipt times are no guide: the two sessions are read on different threads.)
    private DateTimeOffset? _presenceAt;

    protected override SiteKind Kind => SiteKind.Bed;

    protected override TimeSpan TickEvery => TimeSpan.FromSeconds(15);

    private BedThresholds Thresholds => State.BedThresholds ?? new BedThresholds();

    private BedMonitor Monitor => _monitor ??= NewMonitor();

    private BedCare Care => State.BedCare ??= new BedCare();

    public Task<BedVitals?> GetVitals() => Task.FromResult(_vitals);

    public Task<BedThresholds> GetThresholds() => Task.FromResult(Thresholds);

    public async Task SetThresholds(BedThresholds thresholds)
    {
        State.BedThresholds = thresholds;
        Monitor.UpdateThresholds(thresholds);
        await SaveState();
    }

    protected override IReadOnlyList<AlertFinding> OnEvents(IReadOnlyList<DeviceEvent> events)
    {
        var findings = new List<AlertFinding>();
        foreach (var e in events)
        {
            switch (e.Kind)
            {
                case DeviceEventKind.VitalsReported when e.Readings is { } r:
                    var measured = e.DeviceAt ?? e.At;
                    var older = measured < _presenceAt;
                    var present = (older ? null : r.Presence) ?? _vitals?.Presence ?? true;
                    if (!older && r.Presence is not null)
                    {
                        _presenceAt = measured;
                    }

                    _vitals = new BedVitals(e.At, present, r.HeartRate, r.RespirationRate, r.Movement);
                    findings.AddRange(Monitor.OnVitals(e.At, present, r.HeartRate, r.RespirationRate, r.Movement));
                    break;
                case DeviceEventKind.BedExited or DeviceEventKind.BedReturned when !((e.DeviceAt ?? e.At) < _presenceAt):
                    var inBed = e.Kind == DeviceEventKind.BedReturned;
                    _presenceAt = e.DeviceAt ?? e.At;
                    _vitals = (_vitals ?? BedVitals.Empty(e.At)) with { At = e.At, Presence = inBed };
                    findings.AddRange(Monitor.OnPresence(e.At, inBed));
                    break;
            }
        }

        return findings;
    }

    protected override IReadOnlyList<AlertFinding> OnTick(DateTimeOffset now) => Monitor.Tick(now);

    public Task<BedCareView> GetCare() => Task.FromResult(new BedCareView(Care.OccupiedSince, Care.Baseline, Care.Nights,
        BaselineCalculator.NightsNeeded, Monitor.LimitsAt(Time.GetUtcNow()), Care.LastSummary, Care.Deterioration.InEpisode));

    public async Task<int> LearnNights(DateTimeOffset now)
    {
        var bedId = this.GetPrimaryKeyString();
        var clock = NightClock.Of(Thresholds);
        var last = clock.LastEnded(now);
        var learned = 0;
        for (var night = Care.LastNight?.AddDays(1) ?? last.AddDays(1 - BaselineCalculator.NightsLookedAt); night <= last; night = night.AddDays(1))
        {
            var (from, to) = clock.Bounds(night);
            Care.LastNight = night;
            if (to <= Care.OccupiedSince)
            {
                continue;
            }

            var samples = await minutes.ReadAsync(bedId, from, to, CancellationToken.None);
            if (samples.Length == 0)
            {
                continue; // an empty bed, or a mattress that said nothing: no night to learn from
            }

            var summary = NightSummaryBuilder.Build(bedId, night, samples, Thresholds, Care.Baseline, clock);
            await nights.SaveAsync(summary, NightProfileBuilder.Build(night, samples, Thresholds, clock), CancellationToken.None);
            (Care.Deterioration, var notice) = DeteriorationWatch.Observe(Care.Deterioration, summary, Care.Baseline, Thresholds);
            var profiles = await nights.ProfilesAsync(bedId, night.AddDays(1 - BaselineCalculator.NightsLookedAt), night, CancellationToken.None);
            var result = BaselineCalculator.FromProfiles(profiles, Care.OccupiedSince ?? DateTimeOffset.MinValue, night, now);
            (Care.Baseline, Care.Nights, Care.LastSummary) = (result.Baseline, result.Nights, summary);
            learned++;
            if (notice is not null)
            {
                await RaiseFinding(new AlertFinding(AlertCause.Deterioration, AlertPriority.Normal,
                    $"{notice.Nights} nights above usual since {notice.Since:yyyy-MM-dd}: {string.Join("; ", notice.Reasons)}", now, clock.Bounds(notice.Since).From));
            }
        }

        Monitor.UpdateBaseline(Care.Baseline);
        await SaveState();
        return learned;
    }

    public async Task AssignResident(DateTimeOffset since)
    {
        State.BedCare = new BedCare { OccupiedSince = since, LastNight = Care.LastNight };
        Monitor.UpdateBaseline(null);
        await SaveState();
    }

    private BedMonitor NewMonitor()
    {
        var monitor = new BedMonitor(Thresholds);
        monitor.UpdateBaseline(State.BedCare?.Baseline);
        return monitor;
    }
}
