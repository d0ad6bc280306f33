using CareIoT.Contracts;

namespace CareIoT.Server.Api;

/// <summary>The actor of every action is the signed-in user; the request names only what to do.</summary>
public sealed record DispatchRequest(Responder Responder, string? Note);

/// <summary><paramref name="SkipReason"/>: why the plan's mandatory steps not done were skipped (required if any are not done).</summary>
public sealed record CloseRequest(AlertOutcome Outcome, string? Note, string? SkipReason = null);
