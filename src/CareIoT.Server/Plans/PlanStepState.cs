namespace CareIoT.Server.Plans;

/// <summary>A plan step as it stands on one alert: done by whom and when (with the note or the call's outcome), or not yet.</summary>
public sealed record PlanStepState(ResponsePlanStep Step, string? DoneBy, DateTimeOffset? DoneAt, string? Note, DateTimeOffset? DueAt);
