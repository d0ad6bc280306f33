using CareIoT.Contracts;
using Microsoft.Extensions.Logging;

namespace CareIoT.Grains;

/// <summary>
/// What households and beds share: run the rules on a message, then raise or repeat the alert —
/// journal first, then grain state, then the consoles. Grains are single-threaded, so two
/// concurrent presses can never open two alerts for one cause.
/// </summary>
public abstract class SiteGrain(
    IPersistentState<SiteState> state,
    IAlertJournal journal,
    IAlertNotifier notifier,
    ILogger logger) : Grain, ISiteGrain
{
    protected abstract SiteKind Kind { get; }

    protected abstract AlertDecision? Evaluate(DeviceMessage message, DeviceBinding binding);

    public async Task<DeliveryResult> Handle(DeviceMessage message, DeviceBinding binding)
    {
        var decision = Evaluate(message, binding);
        if (decision is null)
        {
            return new DeliveryResult(DeliveryOutcome.Accepted);
        }

        var alert = await RecordInJournal(message, decision);
        if (alert.IsOpen)
        {
            state.State.OpenAlerts[alert.Cause] = alert;
        }
        else
        {
            state.State.OpenAlerts.Remove(alert.Cause);
        }

        await state.WriteStateAsync();
        await Notify(alert);
        return new DeliveryResult(DeliveryOutcome.Accepted, alert);
    }

    public Task<IReadOnlyList<AlertSnapshot>> GetOpenAlerts() =>
        Task.FromResult<IReadOnlyList<AlertSnapshot>>([.. state.State.OpenAlerts.Values]);

    private Task<AlertSnapshot> RecordInJournal(DeviceMessage message, AlertDecision decision)
    {
        if (state.State.OpenAlerts.TryGetValue(decision.Cause, out var open))
        {
            return journal.RepeatAsync(open.AlertId, message.SourceKey, message.ReceivedAt, CancellationToken.None);
        }

        var now = message.ReceivedAt;
        var site = new SiteRef(Kind, this.GetPrimaryKeyString());
        var proposed = new AlertSnapshot(
            Guid.NewGuid(), site, message.DeviceId, decision.Cause, decision.Priority,
            AlertStatus.Raised, now, now, Occurrences: 1);
        return journal.RaiseAsync(proposed, message.SourceKey, CancellationToken.None);
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
