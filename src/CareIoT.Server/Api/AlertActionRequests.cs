using CareIoT.Contracts;

namespace CareIoT.Server.Api;

/// <summary>The actor of every action is the signed-in user; the request names only what to do.</summary>
public sealed record DispatchRequest(Responder Responder, string? Note);

public sealed record CloseRequest(AlertOutcome Outcome, string? Note);
