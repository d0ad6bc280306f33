using CareIoT.Contracts;
using CareIoT.Grains.Monitoring;
using Microsoft.Extensions.Logging;

namespace CareIoT.Grains;

/// <summary>One solitary elder's home: call buttons, smoke alarms, and the welfare check after a silence.</summary>
public sealed class HouseholdGrain(
    [PersistentState(StorageNames.SiteStateName, StorageNames.Sites)] IPersistentState<SiteState> state,
    IAlertJournal journal,
    IAlertNotifier notifier,
    IInstallationLog installations,
    Microsoft.Extensions.Options.IOptions<SupervisionOptions> supervision,
    TimeProvider time,
    ILogger<HouseholdGrain> logger)
    : SiteGrain(state, journal, notifier, installations, supervision, time, logger), IHouseholdGrain
{
    private static readonly TimeSpan KeepSignOfLifeEvery = TimeSpan.FromMinutes(10);

    private HouseholdActivity? _activity;

    protected override SiteKind Kind => SiteKind.Household;

    protected override TimeSpan TickEvery => TimeSpan.FromMinutes(5);

    private HouseholdThresholds Thresholds => State.HouseholdThresholds ?? new HouseholdThresholds();

    private HouseholdActivity Activity => _activity ??= new HouseholdActivity(State.LastSignOfLife ?? Time.GetUtcNow());

    public Task<HouseholdThresholds> GetThresholds() => Task.FromResult(Thresholds);

    public Task<DateTimeOffset> GetLastSignOfLife() => Task.FromResult(Activity.LastSignOfLife);

    public async Task SetThresholds(HouseholdThresholds thresholds)
    {
        State.HouseholdThresholds = thresholds;
        await SaveState();
    }

    protected override IReadOnlyList<AlertFinding> OnEvents(IReadOnlyList<DeviceEvent> events)
    {
        foreach (var deviceEvent in events.Where(HouseholdActivity.IsSignOfLife))
        {
            Activity.OnSignOfLife(deviceEvent.At);
        }

        if (State.LastSignOfLife is not { } kept || Activity.LastSignOfLife - kept > KeepSignOfLifeEvery)
        {
            // Kept at most every ten minutes: a restart loses at most that much of the silence.
            State.LastSignOfLife = Activity.LastSignOfLife;
            StateChanged = true;
        }

        return [];
    }

    protected override IReadOnlyList<AlertFinding> OnTick(DateTimeOffset now) =>
        Activity.Tick(now, Thresholds) is { } finding ? [finding] : [];
}
