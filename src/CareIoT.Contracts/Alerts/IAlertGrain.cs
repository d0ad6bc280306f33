namespace CareIoT.Contracts;

/// <summary>
/// One alert's lifecycle: raised → acknowledged → dispatched → resolved (or false alarm, or
/// cancelled by the resident), and its escalation while nobody answers. Keyed by alert id. The
/// journal is its state; every transition is appended there with actor and time.
/// </summary>
public interface IAlertGrain : IGrainWithGuidKey
{
    /// <summary>Starts the escalation clock of a newly raised alert. Idempotent.</summary>
    Task Track(AlertSnapshot alert);

    Task<TransitionResult> Acknowledge(string actor);

    Task<TransitionResult> Dispatch(string actor, Responder responder, string? note);

    Task<TransitionResult> Close(string actor, AlertOutcome outcome, string? note);

    /// <summary>
    /// Ends a technical alert because its device says the condition is gone (actor: the device). Called by
    /// the alert's site, which updates its own state: the site is not called back.
    /// </summary>
    Task<TransitionResult> Restore(string actor, string reason);

    /// <summary>The escalation check its timer and reminder run; idempotent, callable at any time.</summary>
    Task CheckEscalation();
}
