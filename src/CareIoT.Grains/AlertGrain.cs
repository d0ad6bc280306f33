using CareIoT.Contracts;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CareIoT.Grains;

/// <summary>
/// One alert's lifecycle and escalation. Its state is the journal (read on activation). While it
/// is open a grain timer checks the clock every few seconds, and a reminder — which survives a
/// restart — reactivates it within a minute if the silo went away. Single-threaded, so of two
/// operators acknowledging at once exactly one wins and the other is told who did.
/// </summary>
public sealed class AlertGrain(
    IAlertJournal journal,
    IAlertNotifier notifier,
    IOptions<EscalationOptions> options,
    TimeProvider time,
    ILogger<AlertGrain> logger) : Grain, IAlertGrain, IRemindable
{
    private const string EscalationReminder = "escalation";

    private AlertSnapshot? _alert;
    private IGrainTimer? _timer;
    private int _reminders;
    private bool _reminderSet;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _alert = await journal.GetAsync(this.GetPrimaryKey(), cancellationToken);
        if (_alert is { IsOpen: true })
        {
            StartTimer();
        }
    }

    public async Task Track(AlertSnapshot alert)
    {
        _alert ??= alert;
        if (_alert.IsOpen)
        {
            // The timer first: escalation runs even while the reminder cannot be stored (Redis down).
            StartTimer();
            await EnsureReminder();
        }
    }

    public Task<TransitionResult> Acknowledge(string actor) =>
        Move(actor, "Acknowledged", AlertStatus.Acknowledged, [AlertStatus.Raised], null, null);

    public Task<TransitionResult> Dispatch(string actor, Responder responder, string? note) =>
        Move(actor, "Dispatched", AlertStatus.Dispatched, [AlertStatus.Acknowledged, AlertStatus.Dispatched], responder, note);

    public Task<TransitionResult> Close(string actor, AlertOutcome outcome, string? note) => outcome switch
    {
        AlertOutcome.Resolved => Move(actor, "Resolved", AlertStatus.Resolved, [AlertStatus.Acknowledged, AlertStatus.Dispatched], null, note),
        AlertOutcome.FalseAlarm => Move(actor, "FalseAlarm", AlertStatus.FalseAlarm, [AlertStatus.Acknowledged, AlertStatus.Dispatched], null, note),
        _ => Move(actor, "CancelledByResident", AlertStatus.CancelledByResident, [AlertStatus.Acknowledged, AlertStatus.Dispatched], null, note),
    };

    public Task<TransitionResult> Restore(string actor, string reason) =>
        Move(actor, "Restored", AlertStatus.Restored, [AlertStatus.Raised, AlertStatus.Acknowledged, AlertStatus.Dispatched], null, reason, tellSite: false);

    public async Task CheckEscalation()
    {
        if (_alert is not { IsOpen: true } alert)
        {
            return;
        }

        await EnsureReminder();

        var now = time.GetUtcNow();
        var settings = options.Value;
        if (alert.Status == AlertStatus.Raised)
        {
            var due = alert.RaisedAt + (settings.AcknowledgeWithin(alert) * (alert.EscalationLevel + 1));
            if (now >= due)
            {
                _alert = await journal.EscalateAsync(alert.AlertId, alert.EscalationLevel + 1, "Escalated", now, CancellationToken.None);
                AlertMetrics.EscalatedOne(_alert);
                logger.LogWarning("Alert {AlertId} ({Cause} at {Site}) unacknowledged for {Waited}: escalated to level {Level}",
                    alert.AlertId, alert.Cause, alert.Site, now - alert.RaisedAt, _alert.EscalationLevel);
                await Push(_alert, escalated: true);
            }
        }
        else if (alert.AcknowledgedAt is { } acknowledgedAt && now >= acknowledgedAt + (settings.RemindUnresolvedEvery * (_reminders + 1)))
        {
            _reminders++;
            _alert = await journal.EscalateAsync(alert.AlertId, alert.EscalationLevel, "Reminder", now, CancellationToken.None);
            await Push(_alert, escalated: true);
        }
    }

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (_alert is not { IsOpen: true })
        {
            // Closed while its reminder could not be removed: remove it now.
            await Stop();
            return;
        }

        await CheckEscalation();
    }

    private async Task<TransitionResult> Move(
        string actor, string kind, AlertStatus to, AlertStatus[] from, Responder? responder, string? note, bool tellSite = true)
    {
        if (_alert is not { } alert)
        {
            return TransitionResult.Refused(TransitionError.NotFound, $"alert {this.GetPrimaryKey()} does not exist");
        }

        if (!from.Contains(alert.Status))
        {
            var error = alert.Status == to || (to == AlertStatus.Acknowledged && alert.AcknowledgedBy is not null)
                ? TransitionError.AlreadyDone
                : TransitionError.InvalidTransition;
            var who = alert.AcknowledgedBy is { } by ? $" (acknowledged by {by} at {alert.AcknowledgedAt:O})" : "";
            return TransitionResult.Refused(error, $"alert is {alert.Status}; cannot {kind}{who}", alert);
        }

        var moved = await journal.TransitionAsync(
            new AlertTransition(alert.AlertId, alert.Status, to, kind, actor, time.GetUtcNow(), responder, note), CancellationToken.None);
        if (moved is null)
        {
            // Changed under us (another silo, an operator tool): reload and let the caller retry.
            _alert = await journal.GetAsync(alert.AlertId, CancellationToken.None);
            return TransitionResult.Refused(TransitionError.AlreadyDone, $"alert changed meanwhile; it is now {_alert?.Status}", _alert);
        }

        _alert = moved;
        if (to == AlertStatus.Acknowledged)
        {
            AlertMetrics.Acknowledged(moved);
        }

        // The journal has it: consoles hear of it first, then the housekeeping that needs Redis.
        await Push(moved, escalated: false);
        if (!moved.IsOpen)
        {
            await CloseQuietly(moved, tellSite);
        }

        return TransitionResult.Ok(moved);
    }

    /// <summary>Stops escalating and tells the site; a store that is down now is retried by the reminder and the site's own repeat handling.</summary>
    private async Task CloseQuietly(AlertSnapshot closed, bool tellSite)
    {
        try
        {
            await Stop();
            if (tellSite)
            {
                await GrainFactory.Site(closed.Site).AlertClosed(closed);
            }
        }
        catch (Exception ex)
        {
            logger.LogWarning(ex, "Alert {AlertId} is closed in the journal; its reminder or site state could not be updated yet", closed.AlertId);
        }
    }

    private async Task EnsureReminder()
    {
        if (_reminderSet)
        {
            return;
        }

        try
        {
            if (await this.GetReminder(EscalationReminder) is null)
            {
                await this.RegisterOrUpdateReminder(EscalationReminder, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(1));
            }

            _reminderSet = true;
        }
        catch (Exception ex)
        {
            // The timer escalates meanwhile; the next check tries again.
            logger.LogWarning(ex, "Alert {AlertId}: escalation reminder not stored yet", this.GetPrimaryKey());
        }
    }

    private void StartTimer() =>
        _timer ??= this.RegisterGrainTimer(_ => CheckEscalation(), options.Value.CheckEvery, options.Value.CheckEvery);

    private async Task Stop()
    {
        _timer?.Dispose();
        _timer = null;
        _reminderSet = false;
        if (await this.GetReminder(EscalationReminder) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
        }
    }

    private async Task Push(AlertSnapshot alert, bool escalated)
    {
        try
        {
            await (escalated
                ? notifier.AlertEscalatedAsync(alert, CancellationToken.None)
                : AlertFanOut.ChangedAsync(GrainFactory, notifier, alert));
        }
        catch (Exception ex)
        {
            logger.LogWarning(ex, "Could not push alert {AlertId} to consoles", alert.AlertId);
        }
    }
}
