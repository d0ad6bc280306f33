namespace CareIoT.Server.Api;

/// <summary>A plan step ticked, with an optional note.</summary>
public sealed record PlanStepRequest(string? Note);

/// <summary>How a call went.</summary>
public enum CallOutcome
{
    Reached = 1,
    NoAnswer = 2,
    Busy = 3,
    WrongNumber = 4,
}

/// <summary>A call the operator made: to whom (a contact's name, or the step's target), the number, how it went, a note; the plan step it served, if any.</summary>
public sealed record CallRequest(string? Step, string? Contact, string Number, CallOutcome Outcome, string? Note);
