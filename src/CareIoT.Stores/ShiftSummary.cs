namespace CareIoT.Stores;

/// <summary>
/// A shift as the journal tells it, for the handover report: alerts raised by cause, escalations, every call
/// made (to which number, how it went, by whom) and every response-plan step skipped with its reason.
/// </summary>
public sealed record ShiftSummary(
    IReadOnlyDictionary<string, int> RaisedByCause, int Escalations, IReadOnlyList<ShiftAction> Calls, IReadOnlyList<ShiftAction> Skipped);

/// <summary>One journaled action of the shift: when, who, on which alert (cause, site), and its JSON detail.</summary>
public sealed record ShiftAction(DateTimeOffset At, string Actor, Guid AlertId, string Cause, string SiteId, string Detail);
