using CareIoT.Contracts;

namespace CareIoT.Grains;

/// <summary>A rule's verdict on one message: raise (or repeat) an alert of this cause.</summary>
public sealed record AlertDecision(AlertCause Cause, AlertPriority Priority);
