using CareIoT.Contracts;

namespace CareIoT.Server.Api;

/// <summary>The operator's name is taken from the request until login arrives ([4/9]); then from the signed-in user.</summary>
public sealed record AcknowledgeRequest(string Actor);

public sealed record DispatchRequest(string Actor, Responder Responder, string? Note);

public sealed record CloseRequest(string Actor, AlertOutcome Outcome, string? Note);
