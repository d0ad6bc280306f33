using CareIoT.Contracts;

namespace CareIoT.Stores;

/// <summary>An alert as it stands, with every journal event that led there.</summary>
public sealed record AlertHistory(AlertSnapshot Alert, IReadOnlyList<AlertEvent> Events);
