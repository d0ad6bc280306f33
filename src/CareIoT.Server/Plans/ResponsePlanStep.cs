namespace CareIoT.Server.Plans;

/// <summary>
/// One step of a response plan: a call (<see cref="Target"/>: elder, contact, community, nurse, 119, 120) or a
/// check, mandatory or not, optionally due within <see cref="DueSeconds"/> of the alert; its text in zh-CN and en.
/// </summary>
public sealed record ResponsePlanStep(string Id, string Kind, string? Target, bool Mandatory, int? DueSeconds, IReadOnlyDictionary<string, string> Text);
