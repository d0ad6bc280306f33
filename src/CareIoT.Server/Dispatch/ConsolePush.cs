using CareIoT.Contracts;

namespace CareIoT.Server.Dispatch;

/// <summary>An alert change on its way to the consoles: a plain change, or an escalation.</summary>
[GenerateSerializer, Immutable, Alias("CareIoT.ConsolePush")]
public sealed record ConsolePush(AlertSnapshot Alert, bool Escalated);
