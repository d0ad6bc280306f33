using CareIoT.Contracts;
using CareIoT.Contracts.Rotation;
using Microsoft.Extensions.Logging;

namespace CareIoT.Grains.Rotation;

/// <summary>
/// The centre's rotation. One activation serves every wall screen; a one-second grain timer moves
/// the pages on, writes finished coverage to the log and pushes each new view. Coverage that cannot
/// be written yet stays queued and is retried on the next tick.
/// </summary>
public sealed class RotationGrain(
    [PersistentState(StorageNames.RotationStateName, StorageNames.Sites)] IPersistentState<RotationState> state,
    ICoverageLog log,
    IWallNotifier notifier,
    WallSiteLookup wallSites,
    TimeProvider time,
    ILogger<RotationGrain> logger) : Grain, IRotationGrain
{
    private const int MaxQueuedEntries = 100_000;
    private readonly List<CoverageEntry> _unwritten = [];
    private RotationSchedule _schedule = null!;
    private long _pushed = -1;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        _schedule = new RotationSchedule(state.State.Settings ?? RotationSettings.Default, now);
        _schedule.RestorePins(state.State.Pinned);
        try
        {
            _schedule.Coverage.Restore(await log.LastShownAsync(cancellationToken));
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning(ex, "Could not read when sites were last shown; gaps are measured from now");
        }

        this.RegisterGrainTimer(_ => Tick(), new GrainTimerCreationOptions(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1)) { KeepAlive = true });
    }

    public Task SetSites(IReadOnlyList<string> siteKeys) => Apply(now => _schedule.SetSites(siteKeys, now));

    public Task<RotationSettings> GetSettings() => Task.FromResult(_schedule.Settings);

    public async Task Configure(RotationSettings settings)
    {
        await Apply(now => _schedule.Configure(settings, now));
        state.State.Settings = settings;
        await state.WriteStateAsync();
    }

    public Task<WallView> GetView() => Task.FromResult(_schedule.View);

    public Task ViewerJoined(string connectionId, string operatorName) => Apply(now => _schedule.ViewerJoined(connectionId, operatorName, now));

    public Task ViewerLeft(string connectionId) => Apply(now => _schedule.ViewerLeft(connectionId, now));

    public Task Pause(string operatorName) => Operator("paused", operatorName, null, now => _schedule.Pause(now));

    public Task Resume(string operatorName) => Operator("resumed", operatorName, null, now => _schedule.Resume(now));

    public Task Skip(string operatorName) => Operator("skipped", operatorName, null, now => _schedule.Skip(now));

    public async Task Pin(string siteKey, string operatorName)
    {
        await Operator("pinned", operatorName, siteKey, now => _schedule.Pin(siteKey, now));
        await SavePins();
    }

    public async Task Unpin(string siteKey, string operatorName)
    {
        await Operator("unpinned", operatorName, siteKey, now => _schedule.Unpin(siteKey, now));
        await SavePins();
    }

    public Task Alarmed(string siteKey, Guid alertId) => Apply(now => _schedule.Alarmed(siteKey, alertId, now));

    public Task Acknowledged(string siteKey, Guid alertId) => Apply(now => _schedule.Acknowledged(siteKey, alertId, now));

    public async Task AlertChanged(AlertSnapshot alert)
    {
        string? key;
        try
        {
            key = await wallSites.WallSiteOfAsync(alert.Site, CancellationToken.None);
        }
        catch (Exception ex)
        {
            // The console has the alert anyway; the wall only misses its jump.
            logger.LogWarning(ex, "Could not find the wall tile of alert {AlertId} at {Site}", alert.AlertId, alert.Site);
            return;
        }

        if (key is not null)
        {
            await (alert.Status == AlertStatus.Raised ? Alarmed(key, alert.AlertId) : Acknowledged(key, alert.AlertId));
        }
    }

    public Task Tick() => Apply(now => _schedule.Tick(now));

    private Task Operator(string action, string operatorName, string? siteKey, Action<DateTimeOffset> change)
    {
        logger.LogInformation("Wall rotation {Action} by {Operator} {SiteKey}", action, operatorName, siteKey);
        return Apply(change);
    }

    private async Task SavePins()
    {
        state.State.Pinned = [.. _schedule.Pinned];
        await state.WriteStateAsync();
    }

    /// <summary>Applies a change at the current time, then writes coverage, raises notices and pushes the view.</summary>
    private async Task Apply(Action<DateTimeOffset> change)
    {
        change(time.GetUtcNow());
        _unwritten.AddRange(_schedule.Coverage.TakeFinished());
        if (_unwritten.Count > 0)
        {
            try
            {
                await log.RecordAsync([.. _unwritten], CancellationToken.None);
                _unwritten.Clear();
            }
            catch (Exception ex)
            {
                logger.LogWarning(ex, "Coverage log unavailable; {Count} entries kept for the next try", _unwritten.Count);
                if (_unwritten.Count > MaxQueuedEntries)
                {
                    logger.LogError("Coverage queue over {Max}: dropping the oldest {Count} entries", MaxQueuedEntries, _unwritten.Count - MaxQueuedEntries);
                    _unwritten.RemoveRange(0, _unwritten.Count - MaxQueuedEntries);
                }
            }
        }

        foreach (var notice in _schedule.Coverage.TakeNotices())
        {
            logger.LogWarning("Site {SiteKey} has not been on a watched wall since {LastShown}", notice.SiteKey, notice.LastShown);
            await Try(() => log.NoticeAsync(notice, CancellationToken.None), "store a rotation notice");
            await Try(() => notifier.NoticeAsync(notice, CancellationToken.None), "push a rotation notice");
        }

        var view = _schedule.View;
        if (view.Sequence != _pushed)
        {
            _pushed = view.Sequence;
            await Try(() => notifier.ViewChangedAsync(view, CancellationToken.None), "push the wall view");
        }
    }

    private async Task Try(Func<Task> action, string what)
    {
        try
        {
            await action();
        }
        catch (Exception ex)
        {
            logger.LogWarning(ex, "Could not {What}", what);
        }
    }
}
