using CareIoT.Contracts;
using CareIoT.Grains.Monitoring;
using CareIoT.Grains.WalkTests;
using Microsoft.Extensions.Logging;

namespace CareIoT.Grains;

/// <summary>
/// What households and beds share: run the rules on a device's events (and on the clock), then raise
/// or repeat the alert — journal first, then grain state, then the consoles. Grains are
/// single-threaded, so two concurrent presses can never open two alerts for one cause.
/// </summary>
public abstract partial class SiteGrain(
    IPersistentState<SiteState> state,
    IAlertJournal journal,
    IAlertNotifier notifier,
    IInstallationLog installations,
    Microsoft.Extensions.Options.IOptions<SupervisionOptions> supervision,
    TimeProvider time,
    ILogger logger) : Grain, ISiteGrain, IWalkTestSite, IRemindable
{
    private const string RulesReminder = "rules";
    private IGrainTimer? _timer;
    private bool _reminderSet;

    protected abstract SiteKind Kind { get; }

    /// <summary>How often the time-based rules look at the clock while the site is active.</summary>
    protected abstract TimeSpan TickEvery { get; }

    protected SiteState State => state.State;

    protected TimeProvider Time => time;

    protected SiteRef Self => new(Kind, this.GetPrimaryKeyString());

    /// <summary>
    /// The journal is the truth and this state a cache of it: a site without state (new, Redis
    /// lost, or a state format retired) rebuilds its open alerts from the journal.
    /// </summary>
    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (!state.RecordExists)
        {
            var open = await journal.GetOpenForSiteAsync(Self, cancellationToken);
            state.State.OpenAlerts = open.ToDictionary(a => AlertCauses.KeyOf(a.Cause, a.DeviceId));
        }
    }

    public async Task<AlertSnapshot?> Handle(IReadOnlyList<DeviceEvent> events, DeviceBinding binding)
    {
        await EnsureTicking();
        if (await RunningWalkTest() is { } test)
        {
            // Test mode: the installer's signals are recorded for the walk test and never become alerts.
            state.State.WalkTest = WalkTestMode.Recorded(test, events);
            await state.WriteStateAsync();
            return null;
        }

        var changed = new List<AlertSnapshot>();
        foreach (var deviceEvent in events)
        {
            if (AlertRules.Decide(deviceEvent) is { } decision)
            {
                var recorded = await RecordInJournal(decision, deviceEvent.DeviceId, deviceEvent.SourceKey, deviceEvent.At, deviceEvent.Kind.ToString());
                changed.Add(recorded is { Cause: AlertCause.DeviceOffline, Occurrences: 1, IncidentId: null } ? await JoinOutage(recorded, binding) : recorded);
            }
            else if (AlertRules.NoteFor(deviceEvent) is { } note
                && state.State.OpenAlerts.TryGetValue(AlertCauses.KeyOf(note.Cause, deviceEvent.DeviceId), out var open))
            {
                await journal.AppendNoteAsync(open.AlertId, note.Note, deviceEvent.SourceKey, deviceEvent.At, CancellationToken.None);
            }

            foreach (var cause in TechnicalRestore.Ends(deviceEvent, supervision.Value.BatteryOkPercent))
            {
                if (state.State.OpenAlerts.TryGetValue(AlertCauses.KeyOf(cause, deviceEvent.DeviceId), out var restorable))
                {
                    await Restore(restorable, deviceEvent, binding);
                }
            }
        }

        foreach (var finding in OnEvents(events))
        {
            changed.Add(await RecordFinding(finding, events[0].DeviceId));
        }

        if (changed.Count == 0 && StateChanged)
        {
            await SaveState();
        }

        return await Commit(changed);
    }

    public async Task Tick()
    {
        await EnsureTicking();
        await RunningWalkTest();
        var changed = new List<AlertSnapshot>();
        foreach (var finding in OnTick(time.GetUtcNow()))
        {
            changed.Add(await RecordFinding(finding, Kind.ToString().ToLowerInvariant()));
        }

        await Commit(changed);
    }

    public Task ReceiveReminder(string reminderName, TickStatus status) => Tick();

    public Task<IReadOnlyList<AlertSnapshot>> GetOpenAlerts() =>
        Task.FromResult<IReadOnlyList<AlertSnapshot>>([.. state.State.OpenAlerts.Values]);

    public async Task AlertClosed(AlertSnapshot alert)
    {
        var key = AlertCauses.KeyOf(alert.Cause, alert.DeviceId);
        if (state.State.OpenAlerts.TryGetValue(key, out var open) && open.AlertId == alert.AlertId)
        {
            state.State.OpenAlerts.Remove(key);
            await state.WriteStateAsync();
        }
    }

    /// <summary>Lets a site keep live values and run its event-driven rules; no storage write.</summary>
    protected abstract IReadOnlyList<AlertFinding> OnEvents(IReadOnlyList<DeviceEvent> events);

    /// <summary>The site's time-based rules.</summary>
    protected abstract IReadOnlyList<AlertFinding> OnTick(DateTimeOffset now);

    /// <summary>Set by a derived site when it changed <see cref="State"/> outside an alert; saved after the events.</summary>
    protected bool StateChanged { get; set; }

    protected async Task SaveState()
    {
        await state.WriteStateAsync();
        StateChanged = false;
    }

    private async Task EnsureTicking()
    {
        _timer ??= this.RegisterGrainTimer(_ => Tick(), TickEvery, TickEvery);
        if (_reminderSet)
        {
            return;
        }

        // The reminder brings the rules back after a restart, even if no device speaks again. It
        // lives in Redis: while Redis is down the timer runs the rules and the next event or tick
        // tries again, so an alarm never waits for it.
        try
        {
            if (await this.GetReminder(RulesReminder) is null)
            {
                var period = TickEvery < TimeSpan.FromMinutes(1) ? TimeSpan.FromMinutes(1) : TickEvery;
                await this.RegisterOrUpdateReminder(RulesReminder, period, period);
            }

            _reminderSet = true;
        }
        catch (Exception ex)
        {
            logger.LogWarning(ex, "{Site}: rules reminder not stored yet", Self);
        }
    }

    /// <summary>A finding of the site's own (not from a device's events), journaled and pushed like any other.</summary>
    protected async Task RaiseFinding(AlertFinding finding) =>
        await Commit([await RecordFinding(finding, Kind.ToString().ToLowerInvariant())]);

    private Task<AlertSnapshot> RecordFinding(AlertFinding finding, string deviceId)
    {
        logger.LogInformation("{Site}: {Cause} — {Reason}", Self, finding.Cause, finding.Reason);
        var sourceKey = $"{Self}/{finding.Cause}/{finding.EpisodeStart.UtcTicks}";
        return RecordInJournal(new AlertDecision(finding.Cause, finding.Priority), deviceId, sourceKey, finding.At, finding.Reason);
    }

    /// <summary>
    /// The alerts are in the journal: consoles hear of them now, then their escalation clocks start
    /// and the grain state is written. Those two need Redis; if it is down the message is not
    /// acknowledged and comes again, the journal calls it a repeat and the consoles upsert it —
    /// so a Redis outage delays no alarm on the screen.
    /// </summary>
    private async Task<AlertSnapshot?> Commit(List<AlertSnapshot> changed)
    {
        if (changed.Count == 0)
        {
            return null;
        }

        foreach (var alert in changed)
        {
            var key = AlertCauses.KeyOf(alert.Cause, alert.DeviceId);
            if (alert.IsOpen)
            {
                state.State.OpenAlerts[key] = alert;
            }
            else
            {
                state.State.OpenAlerts.Remove(key);
            }
        }

        foreach (var alert in changed)
        {
            await Notify(alert);
        }

        foreach (var alert in changed.Where(a => a.IsOpen))
        {
            await GrainFactory.GetGrain<IAlertGrain>(alert.AlertId).Track(alert);
        }

        await SaveState();
        return changed.MinBy(a => a.Priority);
    }

    private async Task<AlertSnapshot> RecordInJournal(AlertDecision decision, string deviceId, string sourceKey, DateTimeOffset at, string reason)
    {
        var key = AlertCauses.KeyOf(decision.Cause, deviceId);
        if (state.State.OpenAlerts.TryGetValue(key, out var open))
        {
            var repeated = await journal.RepeatAsync(open.AlertId, sourceKey, at, CancellationToken.None);
            if (repeated.IsOpen)
            {
                return repeated;
            }

            // Closed by an operator before this grain heard of it: this occurrence is a new alert.
            state.State.OpenAlerts.Remove(key);
        }

        var proposed = new AlertSnapshot(
            Guid.NewGuid(), Self, deviceId, decision.Cause, decision.Priority, AlertStatus.Raised, at, at, Occurrences: 1,
            Reason: reason.Length > 500 ? reason[..500] : reason);
        var raised = await journal.RaiseAsync(proposed, sourceKey, CancellationToken.None);
        if (raised.AlertId == proposed.AlertId)
        {
            AlertMetrics.RaisedOne(raised);
        }

        logger.LogDebug("Raised {AlertId} ({Reason})", raised.AlertId, reason);
        return raised;
    }

    /// <summary>
    /// The device says the condition of a technical alert is gone: the alert ends (journaled as Restored by
    /// the device, consoles told, escalation stopped) — or, where the centre wants an operator to confirm,
    /// a "Restored" note is journaled and the alert stays open.
    /// </summary>
    private async Task Restore(AlertSnapshot open, DeviceEvent restoredBy, DeviceBinding binding)
    {
        if (supervision.Value.OperatorConfirmsRestore)
        {
            await journal.AppendNoteAsync(open.AlertId, "Restored", restoredBy.SourceKey, restoredBy.At, CancellationToken.None);
            return;
        }

        var result = await GrainFactory.GetGrain<IAlertGrain>(open.AlertId).Restore($"device:{restoredBy.DeviceId}", restoredBy.Kind.ToString());
        if (result.Alert is null or { IsOpen: false })
        {
            state.State.OpenAlerts.Remove(AlertCauses.KeyOf(open.Cause, open.DeviceId));
            StateChanged = true;
            logger.LogInformation("{Site}: {Cause} of {DeviceId} restored by the device ({Event})", Self, open.Cause, open.DeviceId, restoredBy.Kind);
            if (open.IncidentId is { } incident)
            {
                try
                {
                    await GrainFactory.GetGrain<IOutageGrain>(OutageAreas.Of(binding)).MemberRestored(incident);
                }
                catch (Exception ex)
                {
                    logger.LogWarning(ex, "{Site}: outage incident {Incident} not told that {DeviceId} is back", Self, incident, open.DeviceId);
                }
            }
        }
    }

    /// <summary>
    /// A new offline alert is reported to its area's outage: in a storm it becomes a member of the area's
    /// incident. The alert never waits on this: if the outage cannot be reached it stays a row of its own.
    /// </summary>
    private async Task<AlertSnapshot> JoinOutage(AlertSnapshot offline, DeviceBinding binding)
    {
        try
        {
            return await GrainFactory.GetGrain<IOutageGrain>(OutageAreas.Of(binding)).DeviceOffline(offline) is { } incident
                ? offline with { IncidentId = incident }
                : offline;
        }
        catch (Exception ex)
        {
            logger.LogWarning(ex, "{Site}: offline alert {AlertId} not reported to its outage area", Self, offline.AlertId);
            return offline;
        }
    }

    private async Task Notify(AlertSnapshot alert)
    {
        try
        {
            await AlertFanOut.ChangedAsync(GrainFactory, notifier, alert);
        }
        catch (Exception ex)
        {
            // The alert is journaled; consoles resync from the journal when they reconnect.
            logger.LogWarning(ex, "Could not push alert {AlertId} of {Site} to consoles", alert.AlertId, alert.Site);
        }
    }
}
