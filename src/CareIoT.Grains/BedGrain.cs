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

    private BedMonitor Monitor => _monitor ??= new BedMonitor(Thresholds);

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
}
