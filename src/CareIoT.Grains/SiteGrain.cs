using CareIoT.Contracts;
using Microsoft.Extensions.Logging;

namespace CareIoT.Grains;

/// <summary>
/// What households and beds share: run the rules on a device's events, then raise or repeat the
/// alert — journal first, then grain state, then the consoles. Grains are single-threaded, so two
/// concurrent presses can never open two alerts for one cause.
/// </summary>
public abstract class SiteGrain(
    IPersistentState<SiteState> state,
    IAlertJournal journal,
    IAlertNotifier notifier,
    ILogger logger) : Grain, ISiteGrain
{
    protected abstract SiteKind Kind { get; }

    /// <summary>
    /// The journal is the truth and this state a cache of it: a site without state (new, Redis
    /// lost, or a state format retired) rebuilds its open alerts from the journal.
    /// </summary>
    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (!state.RecordExists)
        {
            var open = await journal.GetOpenForSiteAsync(new SiteRef(Kind, this.GetPrimaryKeyString()), cancellationToken);
            state.State.OpenAlerts = open.ToDictionary(a => AlertCauses.KeyOf(a.Cause, a.DeviceId));
        }
    }

    public async Task<AlertSnapshot?> Handle(IReadOnlyList<DeviceEvent> events, DeviceBinding binding)
    {
        OnEvents(events);
        var changed = new List<AlertSnapshot>();
        foreach (var deviceEvent in events)
        {
            if (AlertRules.Decide(deviceEvent) is { } decision)
            {
                changed.Add(await RecordInJournal(deviceEvent, decision));
            }
            else if (AlertRules.NoteFor(deviceEvent) is { } note
                && state.State.OpenAlerts.TryGetValue(AlertCauses.KeyOf(note.Cause, deviceEvent.DeviceId), out var open))
            {
                await journal.AppendNoteAsync(open.AlertId, note.Note, deviceEvent.SourceKey, deviceEvent.At, CancellationToken.None);
            }
        }

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

        await state.WriteStateAsync();
        foreach (var alert in changed)
        {
            await Notify(alert);
        }

        return changed.MinBy(a => a.Priority);
    }

    public Task<IReadOnlyList<AlertSnapshot>> GetOpenAlerts() =>
        Task.FromResult<IReadOnlyList<AlertSnapshot>>([.. state.State.OpenAlerts.Values]);

    /// <summary>Lets a site keep live values (vitals, presence) from events; no storage write.</summary>
    protected virtual void OnEvents(IReadOnlyList<DeviceEvent> events)
    {
    }

    public async Task AlertClosed(AlertSnapshot alert)
    {
        var key = AlertCauses.KeyOf(alert.Cause, alert.DeviceId);
        if (state.State.OpenAlerts.TryGetValue(key, out var open) && open.AlertId == alert.AlertId)
        {
            state.State.OpenAlerts.Remove(key);
            await state.WriteStateAsync();
        }
    }

    private async Task<AlertSnapshot> RecordInJournal(DeviceEvent deviceEvent, AlertDecision decision)
    {
        if (state.State.OpenAlerts.TryGetValue(AlertCauses.KeyOf(decision.Cause, deviceEvent.DeviceId), out var open))
        {
            var repeated = await journal.RepeatAsync(open.AlertId, deviceEvent.SourceKey, deviceEvent.At, CancellationToken.None);
            if (repeated.IsOpen)
            {
                return repeated;
            }

            // Closed by an operator before this grain heard of it: this occurrence is a new alert.
            state.State.OpenAlerts.Remove(AlertCauses.KeyOf(decision.Cause, deviceEvent.DeviceId));
        }

        var site = new SiteRef(Kind, this.GetPrimaryKeyString());
        var proposed = new AlertSnapshot(
            Guid.NewGuid(), site, deviceEvent.DeviceId, decision.Cause, decision.Priority,
            AlertStatus.Raised, deviceEvent.At, deviceEvent.At, Occurrences: 1);
        var raised = await journal.RaiseAsync(proposed, deviceEvent.SourceKey, CancellationToken.None);
        await GrainFactory.GetGrain<IAlertGrain>(raised.AlertId).Track(raised);
        return raised;
    }

    private async Task Notify(AlertSnapshot alert)
    {
        try
        {
            await notifier.AlertChangedAsync(alert, CancellationToken.None);
        }
        catch (Exception ex)
        {
            // The alert is journaled; consoles resync from the journal when they reconnect.
            logger.LogWarning(ex, "Could not push alert {AlertId} of {Site} to consoles", alert.AlertId, alert.Site);
        }
    }
}
