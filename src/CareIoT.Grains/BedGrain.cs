using CareIoT.Contracts;
using Microsoft.Extensions.Logging;

namespace CareIoT.Grains;

/// <summary>One care-facility bed: its mattress and the bedside call button. Keeps the live vitals.</summary>
public sealed class BedGrain(
    [PersistentState(StorageNames.SiteStateName, StorageNames.Sites)] IPersistentState<SiteState> state,
    IAlertJournal journal,
    IAlertNotifier notifier,
    ILogger<BedGrain> logger)
    : SiteGrain(state, journal, notifier, logger), IBedGrain
{
    private BedVitals? _vitals;

    protected override SiteKind Kind => SiteKind.Bed;

    public Task<BedVitals?> GetVitals() => Task.FromResult(_vitals);

    protected override void OnEvents(IReadOnlyList<DeviceEvent> events)
    {
        foreach (var deviceEvent in events)
        {
            _vitals = deviceEvent.Kind switch
            {
                DeviceEventKind.VitalsReported when deviceEvent.Readings is { } r => new BedVitals(
                    deviceEvent.At, r.Presence ?? _vitals?.Presence ?? false, r.HeartRate, r.RespirationRate, r.Movement),
                DeviceEventKind.BedExited => (_vitals ?? BedVitals.Empty(deviceEvent.At)) with { At = deviceEvent.At, Presence = false },
                DeviceEventKind.BedReturned => (_vitals ?? BedVitals.Empty(deviceEvent.At)) with { At = deviceEvent.At, Presence = true },
                _ => _vitals,
            };
        }
    }
}
